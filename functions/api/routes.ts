import { accountRouters } from './account/index.ts';
import { adminRouters } from './admin/index.ts';
import { communityRouters } from './community/index.ts';
import { knowledgeRouters } from './knowledge/index.ts';
import { moneyRouters } from './money/index.ts';
import { pamRouters } from './pam/index.ts';
import { shopRouters } from './shop/index.ts';
import { todosRouters } from './todos/index.ts';
import { travelRouters } from './travel/index.ts';

/** Every router served under /api/v1, by part of the product. */
export const apiRouters = [
  ...accountRouters,
  ...todosRouters,
  ...travelRouters,
  ...shopRouters,
  ...moneyRouters,
  ...pamRouters,
  ...knowledgeRouters,
  ...communityRouters,
  ...adminRouters,
];
