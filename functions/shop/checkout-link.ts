/**
 * Digistore24 affiliate links that carry the buyer's PAM user id, and the reading of that
 * id back out of the `custom` field of an IPN.
 *
 * The link is `https://www.digistore24.com/redir/<product>/<affiliate>/?custom=m:<user uuid>`.
 * Digistore24 passes `custom` through checkout unchanged into every IPN of the order, so
 * the webhook can attribute the sale. `m:<uuid>` follows the `key:value;key:value` form
 * Digistore24's integrations use there (`m:<uuid>;t:...;p:...`), so other keys can be
 * added later without breaking the parser.
 */

const REDIRECT_BASE = 'https://www.digistore24.com/redir/';
const USER_KEY = 'm';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `custom` value that attributes a purchase to a PAM user. */
export function customFor(userId: string): string {
  if (!UUID.test(userId)) throw new TypeError('A PAM user id is a UUID.');
  return `${USER_KEY}:${userId.toLowerCase()}`;
}

/**
 * The checkout link for a signed-in user, or null when no attributable link exists: the
 * product is not a Digistore24 product, or PAM has no affiliate id configured. A link
 * without the affiliate segment would earn nothing and trigger no IPN to PAM, so none is
 * offered rather than a link that silently loses the sale.
 */
export function checkoutUrl(
  product: { digistore24_id: string | null },
  userId: string,
  affiliateId: string | undefined,
): string | null {
  const productId = product.digistore24_id?.trim();
  const affiliate = affiliateId?.trim();
  if (!productId || !affiliate) return null;
  const path = `${encodeURIComponent(productId)}/${encodeURIComponent(affiliate)}/`;
  return `${REDIRECT_BASE}${path}?custom=${encodeURIComponent(customFor(userId))}`;
}

/**
 * Who is looking at the shop: the signed-in user a purchase would be credited to (null
 * for an anonymous visitor) and PAM's Digistore24 affiliate id, when one is configured.
 */
export interface Shopper {
  userId: string | null;
  affiliateId: string | undefined;
}

/** The product with the shopper's checkout link; only a signed-in shopper has a user id to attribute. */
export function withCheckoutUrl<T extends { digistore24_id: string | null }>(
  product: T,
  shopper: Shopper,
): T & { checkout_url: string | null } {
  return {
    ...product,
    checkout_url: shopper.userId ? checkoutUrl(product, shopper.userId, shopper.affiliateId) : null,
  };
}

/**
 * The PAM user a sale belongs to, from the IPN's `custom` field; null when it names none,
 * names one that is not a UUID, or names two different ones (an attribution we cannot
 * trust). Tolerates surrounding whitespace, other `key:value` pairs and one level of
 * percent-encoding left on by an intermediary.
 */
export function attributedUserId(custom: string): string | null {
  let text = custom.trim();
  if (!text.includes(':') && text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  const users = new Set<string>();
  for (const pair of text.split(';')) {
    const separator = pair.indexOf(':');
    if (separator < 0) continue;
    if (pair.slice(0, separator).trim().toLowerCase() !== USER_KEY) continue;
    const value = pair.slice(separator + 1).trim();
    if (!UUID.test(value)) return null;
    users.add(value.toLowerCase());
  }
  return users.size === 1 ? [...users][0] : null;
}
