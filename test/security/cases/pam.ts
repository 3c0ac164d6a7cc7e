import type { ApiUser, TestApi } from '../../support/app.ts';
import { created, type RouteSecurityCase } from '../route-cases.ts';

const ownerConversation = (api: TestApi, owner: ApiUser) => created(api, owner, '/api/v1/pam/conversations', { title: 'Route north' });

/** A finished turn of the owner's, answered by the offline provider. */
async function ownerReply(api: TestApi, owner: ApiUser): Promise<string> {
  const conversation = await ownerConversation(api, owner);
  const response = await api.request(`/api/v1/pam/conversations/${conversation.id}/messages`, {
    method: 'POST',
    token: owner.token,
    json: { content: 'help' },
  });
  if (response.status !== 200) throw new Error(`arranging a PAM turn failed: ${response.status} ${await response.text()}`);
  const turn = await response.json();
  return turn.assistant_message.id;
}

async function ownerNotice(api: TestApi, owner: ApiUser): Promise<string> {
  const { rows } = await api.database.owner.query<{ id: string }>(
    `insert into public.pam_notices (user_id, kind, dedupe_key, title, body)
     values ($1, 'maintenance_due', 'maintenance:' || gen_random_uuid(), 'Oil change due', 'Due on Friday.') returning id`,
    [owner.id],
  );
  return rows[0].id;
}

export const cases: Record<string, RouteSecurityCase> = {
  'GET /api/v1/pam/conversations': { foreignList: async (api, owner) => [(await ownerConversation(api, owner)).id] },
  'POST /api/v1/pam/conversations': { body: {} },
  'GET /api/v1/pam/conversations/{id}': {
    foreignRow: async (api, owner) => ({ params: { id: (await ownerConversation(api, owner)).id } }),
  },
  'DELETE /api/v1/pam/conversations/{id}': {
    foreignRow: async (api, owner) => ({ params: { id: (await ownerConversation(api, owner)).id } }),
  },
  'POST /api/v1/pam/conversations/{id}/messages': {
    body: { content: 'add a todo: take over' },
    foreignRow: async (api, owner) => ({
      params: { id: (await ownerConversation(api, owner)).id },
      body: { content: 'add a todo: take over' },
    }),
  },
  'POST /api/v1/pam/messages/{id}/feedback': {
    body: { rating: 'down' },
    foreignRow: async (api, owner) => ({ params: { id: await ownerReply(api, owner) }, body: { rating: 'down' } }),
  },
  'GET /api/v1/pam/notices': { foreignList: async (api, owner) => [await ownerNotice(api, owner)] },
  'PATCH /api/v1/pam/notices/{id}': {
    body: { read: true },
    foreignRow: async (api, owner) => ({ params: { id: await ownerNotice(api, owner) }, body: { read: true } }),
  },
  'GET /api/v1/pam/tools': { selfOnly: true },
};
