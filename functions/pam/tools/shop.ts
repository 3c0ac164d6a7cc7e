import { z } from '@hono/zod-openapi';
import { searchProducts } from '../../shop/catalogue.ts';
import { defineTool } from './tool.ts';

export const searchProductsTool = defineTool({
  name: 'search_products',
  description: "Search PAM's shop for products (gear, guides); results carry a checkout link.",
  args: z.object({ q: z.string().min(1).max(200), limit: z.number().int().min(1).max(10).optional() }),
  run: async (db, args, context) => {
    const page = await searchProducts(db, { q: args.q, limit: args.limit ?? 5 }, context.shopper);
    return {
      products: page.data.map((product) => ({
        id: product.id,
        name: product.name,
        price: product.price,
        currency: product.currency,
        category: product.category,
        checkout_url: product.checkout_url,
      })),
    };
  },
});
