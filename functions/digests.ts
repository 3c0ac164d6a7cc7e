import { createHash } from 'node:crypto';

/**
 * Hex digests, computed synchronously with node:crypto, which Workers provide under
 * `nodejs_compat` as Node does. Web Crypto's digest would do the same work, but as an
 * asynchronous job: in Node that bookkeeping cost more than the hashing itself (a quarter
 * of a signed IPN's CPU, measured), and these inputs are a few hundred bytes at most.
 */

/** SHA-256 of the text's UTF-8 bytes, lowercase hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-512 of the text's UTF-8 bytes, lowercase hex. */
export function sha512Hex(text: string): string {
  return createHash('sha512').update(text, 'utf8').digest('hex');
}
