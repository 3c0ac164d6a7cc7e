import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { expectProblem, fieldsOf, tableDigest } from '../../../test/support/problem-assertions.ts';
import { KnowledgeDocumentWithChunks, MAX_CONTENT_LENGTH } from '../../knowledge/documents.ts';

async function save(api: TestApi, user: ApiUser) {
  const response = await api.request('/api/v1/knowledge', {
    method: 'POST',
    token: user.token,
    json: { title: 'Van manual', content: 'Tyre pressure 4.5 bar.' },
  });
  return bodyOf(response, KnowledgeDocumentWithChunks, 201);
}

const unchanged = async (api: TestApi) => [await tableDigest(api, 'user_knowledge'), await tableDigest(api, 'knowledge_chunks')];

describe('bad input to the knowledge routes', () => {
  test('answers 400 with one error per bad field and writes nothing', async ({ api, alice }) => {
    const before = await unchanged(api);
    const response = await api.request('/api/v1/knowledge', {
      method: 'POST',
      token: alice.token,
      json: { title: '  ', content: 42, source_url: 'ftp://example.com/x', metadata: 'notes', is_active: 'yes' },
    });
    expect(fieldsOf(await expectProblem(response, 400))).toEqual(['content', 'is_active', 'metadata', 'source_url', 'title']);
    expect(await unchanged(api)).toEqual(before);
  });

  test('refuses content beyond the limit, and content that is only whitespace', async ({ api, alice }) => {
    for (const content of ['x'.repeat(MAX_CONTENT_LENGTH + 1), ' \n\n ']) {
      const response = await api.request('/api/v1/knowledge', { method: 'POST', token: alice.token, json: { title: 'Long', content } });
      expect(fieldsOf(await expectProblem(response, 400))).toEqual(['content']);
    }
  });

  test('refuses a bad change and leaves the document and its chunks as they were', async ({ api, alice }) => {
    const document = await save(api, alice);
    const before = await unchanged(api);
    const response = await api.request(`/api/v1/knowledge/${document.id}`, { method: 'PATCH', token: alice.token, json: { content: '' } });
    expect(fieldsOf(await expectProblem(response, 400))).toEqual(['content']);
    expect(await unchanged(api)).toEqual(before);
  });

  test("answers 404 for another user's document, and for one that does not exist", async ({ api, alice, bob }) => {
    const document = await save(api, alice);
    const before = await unchanged(api);
    for (const id of [document.id, crypto.randomUUID()]) {
      await expectProblem(await api.request(`/api/v1/knowledge/${id}`, { token: bob.token }), 404);
      await expectProblem(await api.request(`/api/v1/knowledge/${id}`, { method: 'PATCH', token: bob.token, json: { title: 'Mine' } }), 404);
      await expectProblem(await api.request(`/api/v1/knowledge/${id}`, { method: 'DELETE', token: bob.token }), 404);
    }
    expect(await unchanged(api)).toEqual(before);
  });

  test('answers 400 to a search without a question, or with a limit out of range', async ({ api, alice }) => {
    for (const query of ['', '?q=', '?q=%20%20', '?q=water&limit=0', '?q=water&limit=51', '?q=water&limit=many']) {
      await expectProblem(await api.request(`/api/v1/knowledge/search${query}`, { token: alice.token }), 400);
    }
  });

  test('answers 400 to a cursor it did not give out', async ({ api, alice }) => {
    await expectProblem(await api.request('/api/v1/knowledge?cursor=not-a-cursor', { token: alice.token }), 400);
    await expectProblem(await api.request('/api/v1/knowledge?shared=maybe', { token: alice.token }), 400);
  });
});
