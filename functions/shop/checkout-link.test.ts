import { describe, expect, it } from 'vitest';
import { attributedUserId, checkoutUrl, customFor, withCheckoutUrl } from './checkout-link.ts';

const userId = '3f1c9a4e-8a63-4c1b-9f0e-2b7d6c5a4e10';

describe('checkoutUrl', () => {
  it('builds the redir link with the affiliate and the user in custom, percent-encoded', () => {
    expect(checkoutUrl({ digistore24_id: '424242' }, userId, 'pamaffiliate')).toBe(
      `https://www.digistore24.com/redir/424242/pamaffiliate/?custom=m%3A${userId}`,
    );
  });

  it('encodes product and affiliate ids so that neither can change the link', () => {
    const url = checkoutUrl({ digistore24_id: '12/../34?x' }, userId, 'aff id&custom=m:someone-else');
    expect(url).toBe(
      `https://www.digistore24.com/redir/12%2F..%2F34%3Fx/aff%20id%26custom%3Dm%3Asomeone-else/?custom=m%3A${userId}`,
    );
    const parsed = new URL(url!);
    expect(parsed.host).toBe('www.digistore24.com');
    expect(parsed.searchParams.getAll('custom')).toEqual([`m:${userId}`]);
  });

  it('offers no link without a Digistore24 product or an affiliate id', () => {
    expect(checkoutUrl({ digistore24_id: null }, userId, 'pamaffiliate')).toBeNull();
    expect(checkoutUrl({ digistore24_id: '  ' }, userId, 'pamaffiliate')).toBeNull();
    expect(checkoutUrl({ digistore24_id: '424242' }, userId, undefined)).toBeNull();
    expect(checkoutUrl({ digistore24_id: '424242' }, userId, ' ')).toBeNull();
  });

  it('refuses a user id that is not a UUID rather than link a sale to nobody', () => {
    expect(() => customFor('m:someone;x')).toThrow(TypeError);
  });
});

describe('withCheckoutUrl', () => {
  const product = { id: 'p1', name: 'Awning', digistore24_id: '424242' };

  it("adds the signed-in shopper's link and keeps the product as it was", () => {
    expect(withCheckoutUrl(product, { userId, affiliateId: 'pamaffiliate' })).toEqual({
      ...product,
      checkout_url: `https://www.digistore24.com/redir/424242/pamaffiliate/?custom=m%3A${userId}`,
    });
  });

  it('gives an anonymous shopper, or a server without an affiliate id, no link', () => {
    expect(withCheckoutUrl(product, { userId: null, affiliateId: 'pamaffiliate' }).checkout_url).toBeNull();
    expect(withCheckoutUrl(product, { userId, affiliateId: undefined }).checkout_url).toBeNull();
  });
});

describe('attributedUserId', () => {
  it('reads back what checkoutUrl puts in', () => {
    const custom = new URL(checkoutUrl({ digistore24_id: '1' }, userId, 'a')!).searchParams.get('custom')!;
    expect(attributedUserId(custom)).toBe(userId);
  });

  it('finds the user among other key:value pairs and ignores case and whitespace', () => {
    expect(attributedUserId(`t:campaign;m:${userId};p:42`)).toBe(userId);
    expect(attributedUserId(`  M : ${userId.toUpperCase()}  `)).toBe(userId);
    expect(attributedUserId(`m%3A${userId}`)).toBe(userId);
  });

  it('attributes nothing when the value is missing, malformed or ambiguous', () => {
    for (const custom of [
      '',
      'm:',
      'm:not-a-uuid',
      `x:${userId}`,
      userId,
      `m:${userId}x`,
      `m:${userId};m:${crypto.randomUUID()}`,
      `m:${userId};m:bad`,
      '%E0%A4%A',
    ]) {
      expect(attributedUserId(custom), custom).toBeNull();
    }
    expect(attributedUserId(`m:${userId};m:${userId}`)).toBe(userId);
  });
});
