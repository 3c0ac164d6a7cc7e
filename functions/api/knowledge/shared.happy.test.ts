import { z } from '@hono/zod-openapi';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem } from '../../../test/support/problem-assertions.ts';
import { KnowledgeDocument, KnowledgeDocumentWithChunks } from '../../knowledge/documents.ts';

const SharedPage = z.object({ data: z.array(KnowledgeDocument), next_cursor: z.string().nullable() });

const tip = { title: 'Travel tip: road trains', content: 'Road trains can be 53 metres long. Give them room and never overtake on a crest.' };

async function publish(api: TestApi, admin: ApiUser, body: Record<string, unknown> = tip) {
  const response = await api.request('/api/v1/admin/knowledge', { method: 'POST', token: admin.token, json: body });
  return { response, document: await bodyOf(response, KnowledgeDocumentWithChunks, 201) };
}

describe('shared knowledge', () => {
  test('an administrator publishes it: no owner, shared, cut into chunks, readable by every user', async ({ api, admin, alice, bob }) => {
    const { response, document } = await publish(api, admin, { ...tip, user_id: admin.id, is_shared: false });
    expect(response.headers.get('location')).toBe(`/api/v1/admin/knowledge/${document.id}`);
    expect(document).toMatchObject({ ...tip, user_id: null, is_shared: true });
    expect(document.chunks).toHaveLength(1);
    const { rows } = await api.database.owner.query('select user_id from public.knowledge_chunks where document_id = $1', [document.id]);
    expect(rows).toEqual([{ user_id: null }]);

    for (const user of [alice, bob]) {
      const read = await api.request(`/api/v1/knowledge/${document.id}`, { token: user.token });
      expect((await bodyOf(read, KnowledgeDocumentWithChunks, 200)).is_shared).toBe(true);
    }
  });

  test('no user changes or deletes it through their own routes, administrators included: 403, nothing changed', async ({
    api,
    admin,
    alice,
  }) => {
    const { document } = await publish(api, admin);
    for (const user of [alice, admin]) {
      const patched = await api.request(`/api/v1/knowledge/${document.id}`, { method: 'PATCH', token: user.token, json: { title: 'Mine now' } });
      expect((await expectProblem(patched, 403)).detail).toMatch(/shared knowledge/i);
      await expectProblem(await api.request(`/api/v1/knowledge/${document.id}`, { method: 'DELETE', token: user.token }), 403);
    }
    const read = await api.request(`/api/v1/admin/knowledge/${document.id}`, { token: admin.token });
    expect(await bodyOf(read, KnowledgeDocumentWithChunks, 200)).toEqual(document);
  });

  test('the admin routes change, cut again and withdraw it', async ({ api, admin, alice }) => {
    const { document } = await publish(api, admin);
    const patched = await api.request(`/api/v1/admin/knowledge/${document.id}`, {
      method: 'PATCH',
      token: admin.token,
      json: { content: 'Road trains: up to 53.5 m. Pull over and let them pass.' },
    });
    const changed = await bodyOf(patched, KnowledgeDocumentWithChunks, 200);
    expect(changed.chunks.map((c) => c.content)).toEqual(['Road trains: up to 53.5 m. Pull over and let them pass.']);
    expect(changed.chunks[0].id).not.toBe(document.chunks[0].id);

    const deleted = await api.request(`/api/v1/admin/knowledge/${document.id}`, { method: 'DELETE', token: admin.token });
    expect(deleted.status).toBe(204);
    expect((await api.request(`/api/v1/knowledge/${document.id}`, { token: alice.token })).status).toBe(404);
    const { rows } = await api.database.owner.query('select count(*)::int as n from public.knowledge_chunks where document_id = $1', [document.id]);
    expect(rows).toEqual([{ n: 0 }]);
  });

  test("the admin routes list only shared knowledge, and cannot reach anyone's own documents, the administrator's included", async ({
    api,
    admin,
    alice,
  }) => {
    const { document } = await publish(api, admin);
    const own = async (user: ApiUser) =>
      bodyOf(
        await api.request('/api/v1/knowledge', { method: 'POST', token: user.token, json: { title: 'Private', content: 'My PIN is 4321' } }),
        KnowledgeDocumentWithChunks,
        201,
      );
    const [alices, admins] = [await own(alice), await own(admin)];

    const listed = await bodyOf(await api.request('/api/v1/admin/knowledge?limit=100', { token: admin.token }), SharedPage, 200);
    expect(listed.data.map((d) => d.id)).toContain(document.id);
    expect(listed.data.every((d) => d.is_shared)).toBe(true);

    for (const id of [alices.id, admins.id]) {
      await expectProblem(await api.request(`/api/v1/admin/knowledge/${id}`, { token: admin.token }), 404);
      await expectProblem(
        await api.request(`/api/v1/admin/knowledge/${id}`, { method: 'PATCH', token: admin.token, json: { title: 'Shared now' } }),
        404,
      );
      await expectProblem(await api.request(`/api/v1/admin/knowledge/${id}`, { method: 'DELETE', token: admin.token }), 404);
    }
    const { rows } = await api.database.owner.query<{ title: string; is_shared: boolean }>(
      'select title, is_shared from public.user_knowledge where id = any($1::uuid[]) order by title',
      [[alices.id, admins.id]],
    );
    expect(rows).toEqual([
      { title: 'Private', is_shared: false },
      { title: 'Private', is_shared: false },
    ]);
  });
});
