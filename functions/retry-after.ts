/**
 * An HTTP `Retry-After` header (seconds or an HTTP date) as milliseconds from now; null
 * when absent or unreadable. Shared by the clients of other services (Digistore24, the
 * model providers).
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
