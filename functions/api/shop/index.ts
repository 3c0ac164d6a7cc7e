import { affiliateSalesRouter } from '../affiliate-sales.ts';
import { legacyRouter } from '../legacy-router.ts';
import { productsRouter } from '../products.ts';
import { wishlistRouter } from '../wishlist.ts';

/** The shop: the public catalogue, wishlists, the caller's affiliate sales. */
export const shopRouters = [
  legacyRouter(productsRouter, 'user', [/^\/api\/v1\/products(\/[^/]+)?$/]),
  legacyRouter(wishlistRouter, 'user'),
  legacyRouter(affiliateSalesRouter, 'user'),
];
