import { z } from '@hono/zod-openapi';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { KnowledgeDocument, KnowledgeDocumentWithChunks } from '../../knowledge/documents.ts';

const KnowledgePage = z.object({ data: z.array(KnowledgeDocument), next_cursor: z.string().nullable() });

const nullarbor = {
  title: 'Nullarbor water stops',
  content: 'Balladonia roadhouse sells water.\n\nCaiguna has a rainwater tank behind the toilets.',
  document_type: 'note',
  source_url: 'https://example.com/nullarbor',
  metadata: { trip: 'Perth to Adelaide' },
};

/** An article long enough for several chunks: numbered paragraphs of a few sentences. */
const article = (topic: string, paragraphs = 24) =>
  Array.from(
    { length: paragraphs },
    (_, i) =>
      `Section ${i} about ${topic}. The ${topic} advice in this part is specific to stretch ${i} of the road. ` +
      `Travellers report that stretch ${i} is long, dry and remote, so carry spare fuel and water. ` +
      `Ask locals at stop ${i} before leaving in the heat of the day.`,
  ).join('\n\n');

async function save(api: TestApi, user: ApiUser, body: Record<string, unknown>) {
  const response = await api.request('/api/v1/knowledge', { method: 'POST', token: user.token, json: body });
  return { response, document: await bodyOf(response, KnowledgeDocumentWithChunks, 201) };
}

async function storedChunks(api: TestApi, documentId: string) {
  const { rows } = await api.database.owner.query<{ id: string; content: string; user_id: string | null }>(
    'select id, content, user_id from public.knowledge_chunks where document_id = $1 order by position',
    [documentId],
  );
  return rows;
}

describe('knowledge documents', () => {
  test('saves a document, answers at once with its chunks pending, and Location', async ({ api, alice }) => {
    const { response, document } = await save(api, alice, nullarbor);
    expect(response.headers.get('location')).toBe(`/api/v1/knowledge/${document.id}`);
    expect(document).toMatchObject({ ...nullarbor, user_id: alice.id, is_shared: false, is_active: true });
    expect(document.chunks).toEqual([
      expect.objectContaining({ position: 0, content: nullarbor.content, embedding_status: 'pending', attempts: 0, last_error: null }),
    ]);
    expect(document.embedding).toEqual({ status: 'pending', chunks: 1, embedded: 0, pending: 1, failed: 0 });

    const fetched = await api.request(`/api/v1/knowledge/${document.id}`, { token: alice.token });
    expect(await bodyOf(fetched, KnowledgeDocumentWithChunks, 200)).toEqual(document);
    expect((await storedChunks(api, document.id)).map((c) => c.user_id)).toEqual([alice.id]);
  });

  test('cuts long content into chunks that overlap and together hold all of it', async ({ api, alice }) => {
    const content = article('desert crossings');
    const { document } = await save(api, alice, { title: 'Outback article', content });
    expect(document.chunks.length).toBeGreaterThan(2);
    expect(document.chunks.map((c) => c.position)).toEqual(document.chunks.map((_, i) => i));
    for (const paragraph of content.split('\n\n')) {
      expect(document.chunks.some((chunk) => chunk.content.includes(paragraph))).toBe(true);
    }
    const sentences = (text: string) => text.split(/(?<=\.)\s+/);
    for (let i = 1; i < document.chunks.length; i++) {
      const [previous, chunk] = [document.chunks[i - 1].content, document.chunks[i].content];
      expect(sentences(chunk).slice(0, 1)).toEqual([expect.toSatisfy((first: string) => previous.includes(first))]);
      expect(chunk).toContain(sentences(previous).at(-1));
    }
    expect(document.embedding).toMatchObject({ status: 'pending', chunks: document.chunks.length });
  });

  test('ignores server-owned fields in the body', async ({ api, alice, bob }) => {
    const { document } = await save(api, alice, { ...nullarbor, user_id: bob.id, is_shared: true, id: bob.id });
    expect(document).toMatchObject({ user_id: alice.id, is_shared: false });
    expect(document.id).not.toBe(bob.id);
  });

  test('cuts the document again when its content changes, and only then', async ({ api, alice }) => {
    const { document } = await save(api, alice, { title: 'Outback article', content: article('fuel') });
    const before = await storedChunks(api, document.id);

    const retagged = await api.request(`/api/v1/knowledge/${document.id}`, {
      method: 'PATCH',
      token: alice.token,
      json: { metadata: { read: true }, document_type: 'article', content: article('fuel') },
    });
    const same = await bodyOf(retagged, KnowledgeDocumentWithChunks, 200);
    expect(same.metadata).toEqual({ read: true });
    expect(await storedChunks(api, document.id)).toEqual(before);

    const edited = await api.request(`/api/v1/knowledge/${document.id}`, {
      method: 'PATCH',
      token: alice.token,
      json: { content: 'Fuel is cheapest at Norseman.\n\nFill up there before the crossing.' },
    });
    const changed = await bodyOf(edited, KnowledgeDocumentWithChunks, 200);
    expect(changed.chunks.map((c) => c.content)).toEqual(['Fuel is cheapest at Norseman.\n\nFill up there before the crossing.']);
    const after = await storedChunks(api, document.id);
    expect(after.map((c) => c.id)).toEqual(changed.chunks.map((c) => c.id));
    expect(after.some((c) => before.some((b) => b.id === c.id))).toBe(false);
    expect(changed.embedding.status).toBe('pending');
  });

  test('cuts the document again when only its title changes: chunks are searched and embedded under it', async ({ api, alice }) => {
    const { document } = await save(api, alice, nullarbor);
    const response = await api.request(`/api/v1/knowledge/${document.id}`, {
      method: 'PATCH',
      token: alice.token,
      json: { title: 'Eyre Highway water' },
    });
    const renamed = await bodyOf(response, KnowledgeDocumentWithChunks, 200);
    expect(renamed.title).toBe('Eyre Highway water');
    expect(renamed.chunks[0].id).not.toBe(document.chunks[0].id);
    const { rows } = await api.database.owner.query<{ found: boolean }>(
      `select search_vector @@ websearch_to_tsquery('english', 'eyre highway') as found from public.knowledge_chunks where document_id = $1`,
      [document.id],
    );
    expect(rows).toEqual([{ found: true }]);
  });

  test('deletes a document and its chunks: 204, then 404', async ({ api, alice }) => {
    const { document } = await save(api, alice, { title: 'Outback article', content: article('heat') });
    expect((await storedChunks(api, document.id)).length).toBeGreaterThan(1);
    const deleted = await api.request(`/api/v1/knowledge/${document.id}`, { method: 'DELETE', token: alice.token });
    expect(deleted.status).toBe(204);
    expect(await storedChunks(api, document.id)).toEqual([]);
    expect((await api.request(`/api/v1/knowledge/${document.id}`, { token: alice.token })).status).toBe(404);
  });

  test('lists own documents and shared ones, newest first, either alone on request', async ({ api, alice, admin }) => {
    const first = await save(api, alice, { title: 'First', content: 'One' });
    const second = await save(api, alice, { title: 'Second', content: 'Two' });
    const published = await api.request('/api/v1/admin/knowledge', {
      method: 'POST',
      token: admin.token,
      json: { title: 'Travel tip', content: 'Carry twenty litres of water per person.' },
    });
    const shared = await bodyOf(published, KnowledgeDocumentWithChunks, 201);

    const list = async (query = '') =>
      (await bodyOf(await api.request(`/api/v1/knowledge?limit=100${query}`, { token: alice.token }), KnowledgePage, 200)).data;
    const ids = (documents: { id: string }[]) => documents.map((d) => d.id);

    const all = await list();
    expect(ids(all).indexOf(second.document.id)).toBeLessThan(ids(all).indexOf(first.document.id));
    expect(ids(all)).toContain(shared.id);
    expect(all.find((d) => d.id === first.document.id)!.embedding).toEqual({ status: 'pending', chunks: 1, embedded: 0, pending: 1, failed: 0 });
    expect(ids(await list('&shared=false'))).toEqual([second.document.id, first.document.id]);
    expect(ids(await list('&shared=true'))).toContain(shared.id);
    expect((await list('&shared=true')).every((d) => d.is_shared && d.user_id === null)).toBe(true);

    const page = await bodyOf(await api.request('/api/v1/knowledge?limit=1&shared=false', { token: alice.token }), KnowledgePage, 200);
    expect(ids(page.data)).toEqual([second.document.id]);
    const next = await api.request(`/api/v1/knowledge?limit=1&shared=false&cursor=${page.next_cursor}`, { token: alice.token });
    expect(ids((await bodyOf(next, KnowledgePage, 200)).data)).toEqual([first.document.id]);
  });
});
