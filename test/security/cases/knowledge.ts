import type { ApiUser, TestApi } from '../../support/app.ts';
import { created, type RouteSecurityCase } from '../route-cases.ts';

const note = { title: 'Nullarbor water stops', content: 'Balladonia and Caiguna sell water; Cocklebiddy has a rainwater tank.' };

const ownerDocument = (api: TestApi, owner: ApiUser) => created(api, owner, '/api/v1/knowledge', note);

/** PAM's knowledge: a user's documents are theirs alone; shared ones are published inside the admin scope. */
export const cases: Record<string, RouteSecurityCase> = {
  'GET /api/v1/knowledge': { foreignList: async (api, owner) => [(await ownerDocument(api, owner)).id] },
  'POST /api/v1/knowledge': { body: note },
  // The search needs a question, so the suite's list check does not apply; its own tests
  // show that no one finds another user's chunks (functions/knowledge/search.test.ts).
  'GET /api/v1/knowledge/search': {},
  'GET /api/v1/knowledge/{id}': { foreignRow: async (api, owner) => ({ params: { id: (await ownerDocument(api, owner)).id } }) },
  'PATCH /api/v1/knowledge/{id}': {
    body: { title: 'taken over' },
    foreignRow: async (api, owner) => ({ params: { id: (await ownerDocument(api, owner)).id }, body: { content: 'planted' } }),
  },
  'DELETE /api/v1/knowledge/{id}': {
    foreignRow: async (api, owner) => ({ params: { id: (await ownerDocument(api, owner)).id } }),
  },

  'GET /api/v1/admin/knowledge': { adminOnly: true },
  'POST /api/v1/admin/knowledge': { adminOnly: true, body: { title: 'Planted tip', content: 'Everyone reads this.' } },
  'GET /api/v1/admin/knowledge/{id}': { adminOnly: true },
  'PATCH /api/v1/admin/knowledge/{id}': { adminOnly: true, body: { title: 'Taken over' } },
  'DELETE /api/v1/admin/knowledge/{id}': { adminOnly: true },
};
