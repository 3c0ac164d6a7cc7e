import { affiliateSalesRouter } from './affiliate-sales.ts';
import { productsRouter } from './products.ts';
import { wishlistRouter } from './wishlist.ts';

/** The shop: the public catalogue, wishlists, the caller's affiliate sales. */
export const shopRouters = [productsRouter, wishlistRouter, affiliateSalesRouter];
