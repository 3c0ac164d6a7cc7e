import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { claimedSignature, digistore24Signature, isDigistore24SignatureValid } from './signature.ts';

interface SignatureVector {
  name: string;
  uppercaseKeys: boolean;
  params: Record<string, string>;
  expected: string;
}

// Digistore24's own test data as published (see test/fixtures/digistore24/README.md).
const vectorFile = new URL('../../test/fixtures/digistore24/ipn-vectors.json', import.meta.url);
const { passphrase, vectors } = JSON.parse(await readFile(vectorFile, 'utf8')) as {
  passphrase: string;
  vectors: SignatureVector[];
};

describe("Digistore24's sha_sign test vectors", () => {
  it('are all there', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(8);
  });

  it.each(vectors.map((vector) => [vector.name, vector] as const))('reproduces %s', async (_name, vector) => {
    expect(await digistore24Signature(passphrase, vector.params, { uppercaseKeys: vector.uppercaseKeys })).toBe(
      vector.expected,
    );
  });

  it.each(vectors.map((vector) => [vector.name, vector] as const))('accepts %s as sent', async (_name, vector) => {
    expect(await isDigistore24SignatureValid(passphrase, vector.params, vector.expected)).toBe(true);
    expect(await isDigistore24SignatureValid(passphrase, vector.params, vector.expected.toLowerCase())).toBe(true);
  });
});

describe('checking a signature', () => {
  const minimal = vectors.find((v) => v.name === 'minimal')!;
  const realistic = vectors.find((v) => v.name === 'realistic-payment')!;

  it('refuses a changed value', async () => {
    const tampered = { ...realistic.params, amount: '4.70' };
    expect(await isDigistore24SignatureValid(passphrase, tampered, realistic.expected)).toBe(false);
  });

  it('refuses an added field', async () => {
    const extended = { ...realistic.params, custom: 'pam:00000000-0000-0000-0000-000000000000' };
    expect(await isDigistore24SignatureValid(passphrase, extended, realistic.expected)).toBe(false);
  });

  it('refuses another passphrase, a missing passphrase and a missing signature', async () => {
    expect(await isDigistore24SignatureValid('another-passphrase', minimal.params, minimal.expected)).toBe(false);
    expect(await isDigistore24SignatureValid('', minimal.params, minimal.expected)).toBe(false);
    expect(await isDigistore24SignatureValid(undefined, minimal.params, minimal.expected)).toBe(false);
    expect(await isDigistore24SignatureValid(passphrase, minimal.params, undefined)).toBe(false);
    expect(await isDigistore24SignatureValid(passphrase, minimal.params, '')).toBe(false);
  });

  it('refuses a truncated or padded signature', async () => {
    expect(await isDigistore24SignatureValid(passphrase, minimal.params, minimal.expected.slice(0, -1))).toBe(false);
    expect(await isDigistore24SignatureValid(passphrase, minimal.params, `${minimal.expected}0`)).toBe(false);
  });

  it('will not sign with an empty passphrase', () => {
    expect(() => digistore24Signature('', minimal.params)).toThrow(/empty passphrase/);
  });

  it('keeps "0" and skips empty values', async () => {
    const withZero = await digistore24Signature(passphrase, { ...minimal.params, pay_sequence_no: '0' });
    const withEmpty = await digistore24Signature(passphrase, { ...minimal.params, pay_sequence_no: '' });
    expect(withZero).not.toBe(minimal.expected);
    expect(withEmpty).toBe(minimal.expected);
  });

  it('ignores the signature under either name', async () => {
    expect(await digistore24Signature(passphrase, { ...minimal.params, SHASIGN: 'X' })).toBe(minimal.expected);
    expect(claimedSignature({ SHASIGN: 'abc' })).toBe('abc');
    expect(claimedSignature({ sha_sign: 'def' })).toBe('def');
    expect(claimedSignature({ sha_sign: '' })).toBeUndefined();
  });
});
