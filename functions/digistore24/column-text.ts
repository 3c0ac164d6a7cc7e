import { sha256Hex } from '../digests.ts';

/**
 * IPN values as PAM's bounded columns hold them. Digistore24 documents no field lengths,
 * and an insert that fails on one is answered with an error, which Digistore24 retries
 * for days without the sale ever being recorded. So a value that fits is stored as it
 * is, and a longer one keeps its beginning and ends in `~` and 32 hex digits of its
 * SHA-256: the same value always becomes the same text (a redelivery finds its sale,
 * a log row its sale) and different values stay different (two long order ids never
 * merge into one sale). The log's request_data keeps every value in full.
 */

const DIGEST_HEX_DIGITS = 32;
const MARK = '~';

/** `value` in at most `maxCharacters` characters (varchar counts characters, not bytes), without U+0000. */
export function columnText(value: string, maxCharacters: number): string {
  const clean = withoutNul(value);
  const characters = Array.from(clean);
  if (characters.length <= maxCharacters) return clean;
  const kept = characters.slice(0, Math.max(0, maxCharacters - MARK.length - DIGEST_HEX_DIGITS)).join('');
  return `${kept}${MARK}${sha256Hex(value).slice(0, DIGEST_HEX_DIGITS)}`.slice(-maxCharacters);
}

/** jsonb and text refuse U+0000; the log and the sales must take whatever was sent. */
export function withoutNul(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD');
}
