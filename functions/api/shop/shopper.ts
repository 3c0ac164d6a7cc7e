import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import type { Shopper } from '../../shop/checkout-link.ts';

/** The caller as the shop sees them: who a checkout link credits, and PAM's affiliate id from the Worker's config. */
export function shopperOf(c: Context<AppEnv>): Shopper {
  return { userId: c.get('caller')?.userId ?? null, affiliateId: c.env?.DIGISTORE24_AFFILIATE_ID };
}
