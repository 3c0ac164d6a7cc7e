import { sha512Hex } from '../digests.ts';

/**
 * Digistore24's `sha_sign`: SHA-512 over the IPN's non-empty fields, sorted by key, each
 * written as `key=value` followed by the passphrase; upper-case hex.
 */

/** The fields that carry the signature itself and are never signed. */
export const SIGNATURE_FIELDS: readonly string[] = ['sha_sign', 'SHASIGN'];

export interface SignatureOptions {
  /** Digistore24's variant that upper-cases every key before sorting and concatenating. */
  uppercaseKeys?: boolean;
}

/** The `sha_sign` Digistore24 would send for these fields. An empty passphrase signs nothing. */
export function digistore24Signature(
  passphrase: string,
  params: Readonly<Record<string, string>>,
  options: SignatureOptions = {},
): string {
  if (!passphrase) throw new Error('An empty passphrase signs nothing.');
  const encoder = new TextEncoder();
  const fields = Object.entries(params)
    .filter(([key, value]) => !SIGNATURE_FIELDS.includes(key) && value !== '')
    .map(([key, value]) => {
      const signedKey = options.uppercaseKeys ? key.toUpperCase() : key;
      return { key: signedKey, bytes: encoder.encode(signedKey), value };
    })
    .sort((a, b) => compareBytewise(a.bytes, b.bytes));
  return sha512Hex(fields.map(({ key, value }) => `${key}=${value}${passphrase}`).join('')).toUpperCase();
}

/**
 * Whether `claimed` is the signature of `params`: the original-case form first, then the
 * upper-case-keys variant, each compared in constant time and case-insensitively. False
 * without a passphrase, so an unconfigured receiver accepts nothing.
 */
export function isDigistore24SignatureValid(
  passphrase: string | undefined,
  params: Readonly<Record<string, string>>,
  claimed: string | undefined,
): boolean {
  if (!passphrase || !claimed) return false;
  for (const uppercaseKeys of [false, true]) {
    if (constantTimeEqualIgnoringCase(digistore24Signature(passphrase, params, { uppercaseKeys }), claimed)) {
      return true;
    }
  }
  return false;
}

/** The signature a request carries, under either of the names Digistore24 uses. */
export function claimedSignature(params: Readonly<Record<string, string>>): string | undefined {
  for (const field of SIGNATURE_FIELDS) {
    if (params[field]) return params[field];
  }
  return undefined;
}

/** Why a request is refused, or null when its signature is Digistore24's. */
export function signatureRefusal(passphrase: string | undefined, params: Readonly<Record<string, string>>): string | null {
  if (!passphrase) return 'No IPN passphrase is configured (DIGISTORE24_IPN_PASSPHRASE): every IPN is refused.';
  const claimed = claimedSignature(params);
  if (!claimed) return 'The request carries no sha_sign.';
  return isDigistore24SignatureValid(passphrase, params, claimed) ? null : 'The sha_sign does not match.';
}

/** PHP's strcmp on the UTF-8 bytes, which is what Digistore24's ksort does. */
function compareBytewise(left: Uint8Array, right: Uint8Array): number {
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    if (left[i] !== right[i]) return left[i] - right[i];
  }
  return left.length - right.length;
}

/** Runs in time that depends only on the lengths, which are public (128 hex digits). */
function constantTimeEqualIgnoringCase(expected: string, claimed: string): boolean {
  const a = expected.toUpperCase();
  const b = claimed.toUpperCase();
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) {
    difference |= a.charCodeAt(i) ^ (i < b.length ? b.charCodeAt(i) : 0);
  }
  return difference === 0;
}
