import { z } from '@hono/zod-openapi';
import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { bodyOf, describe, expect, test } from '../../../test/support/fixtures.ts';
import { IncomeEntry, IncomeSource } from '../../money/income.ts';

const SourcePage = z.object({ data: z.array(IncomeSource), next_cursor: z.string().nullable() });
const EntryPage = z.object({ data: z.array(IncomeEntry), next_cursor: z.string().nullable() });

/** The routes as one user calls them, each answer checked against its documented schema. */
function incomeOf(api: TestApi, user: ApiUser) {
  const call = (method: string, path: string, json?: unknown) => api.request(path, { method, token: user.token, json });
  return {
    call,
    addSource: async (fields: Record<string, unknown> = {}) =>
      bodyOf(await call('POST', '/api/v1/income-sources', { name: 'Pension', amount: '1450.00', frequency: 'monthly', ...fields }), IncomeSource, 201),
    source: async (id: string) => bodyOf(await call('GET', `/api/v1/income-sources/${id}`), IncomeSource, 200),
    updateSource: async (id: string, changes: Record<string, unknown>) =>
      bodyOf(await call('PATCH', `/api/v1/income-sources/${id}`, changes), IncomeSource, 200),
    sources: async (query: string) => bodyOf(await call('GET', `/api/v1/income-sources?${query}`), SourcePage, 200),
    record: async (fields: Record<string, unknown> = {}) =>
      bodyOf(await call('POST', '/api/v1/income-entries', { amount: '100.00', income_date: '2026-01-15', ...fields }), IncomeEntry, 201),
    entry: async (id: string) => bodyOf(await call('GET', `/api/v1/income-entries/${id}`), IncomeEntry, 200),
    updateEntry: async (id: string, changes: Record<string, unknown>) =>
      bodyOf(await call('PATCH', `/api/v1/income-entries/${id}`, changes), IncomeEntry, 200),
    entries: async (query: string) => bodyOf(await call('GET', `/api/v1/income-entries?${query}`), EntryPage, 200),
  };
}

describe('income sources', () => {
  test('creates, reads, updates and deletes a source', async ({ api, alice }) => {
    const income = incomeOf(api, alice);
    const response = await income.call('POST', '/api/v1/income-sources', {
      name: 'Freelance',
      amount: 320.5,
      frequency: 'bi-weekly',
      next_payment_date: '2026-04-03',
      employer_info: { client: 'Acme' },
    });
    const source = await bodyOf(response, IncomeSource, 201);
    expect(response.headers.get('location')).toBe(`/api/v1/income-sources/${source.id}`);
    expect(source).toMatchObject({
      user_id: alice.id,
      name: 'Freelance',
      amount: '320.50',
      frequency: 'bi-weekly',
      next_payment_date: '2026-04-03',
      employer_info: { client: 'Acme' },
      is_active: true,
    });
    expect(await income.source(source.id)).toEqual(source);

    const updated = await income.updateSource(source.id, { frequency: 'one-time', next_payment_date: null, is_active: false });
    expect(updated).toMatchObject({ frequency: 'one-time', next_payment_date: null, is_active: false, amount: '320.50' });

    expect((await income.call('DELETE', `/api/v1/income-sources/${source.id}`)).status).toBe(204);
    expect((await income.call('GET', `/api/v1/income-sources/${source.id}`)).status).toBe(404);
  });

  test('lists own sources newest first', async ({ api, alice, bob }) => {
    await incomeOf(api, alice).addSource({ name: 'not bob’s' });
    const income = incomeOf(api, bob);
    for (const name of ['a', 'b', 'c']) await income.addSource({ name });
    const page = await income.sources('limit=2');
    expect(page.data.map((s) => s.name)).toEqual(['c', 'b']);
    const rest = await income.sources(`limit=2&cursor=${page.next_cursor}`);
    expect(rest.data.map((s) => s.name)).toEqual(['a']);
    expect(rest.next_cursor).toBeNull();
  });
});

describe('income entries', () => {
  test('records an entry against a source, with tax withheld, and updates and deletes it', async ({ api, alice }) => {
    const income = incomeOf(api, alice);
    const source = await income.addSource();
    const response = await income.call('POST', '/api/v1/income-entries', {
      income_source_id: source.id,
      amount: '1450',
      income_date: '2026-02-01',
      tax_withheld: 0.1,
    });
    const entry = await bodyOf(response, IncomeEntry, 201);
    expect(response.headers.get('location')).toBe(`/api/v1/income-entries/${entry.id}`);
    expect(entry).toMatchObject({
      user_id: alice.id,
      income_source_id: source.id,
      amount: '1450.00',
      income_date: '2026-02-01',
      tax_withheld: '0.10',
      description: null,
    });
    expect(await income.entry(entry.id)).toEqual(entry);

    const updated = await income.updateEntry(entry.id, { amount: '1460.20', notes: 'raise', income_source_id: null });
    expect(updated).toMatchObject({ amount: '1460.20', notes: 'raise', income_source_id: null, tax_withheld: '0.10' });

    expect((await income.call('DELETE', `/api/v1/income-entries/${entry.id}`)).status).toBe(204);
    expect((await income.call('GET', `/api/v1/income-entries/${entry.id}`)).status).toBe(404);
  });

  test('defaults tax_withheld to zero', async ({ api, alice }) => {
    expect((await incomeOf(api, alice).record()).tax_withheld).toBe('0.00');
  });

  test('keeps entries when their source is deleted, unlinked', async ({ api, alice }) => {
    const income = incomeOf(api, alice);
    const source = await income.addSource();
    const entry = await income.record({ income_source_id: source.id });
    expect((await income.call('DELETE', `/api/v1/income-sources/${source.id}`)).status).toBe(204);
    expect(await income.entry(entry.id)).toMatchObject({ income_source_id: null, amount: '100.00' });
  });

  test('filters by an inclusive date range and by source', async ({ api, alice }) => {
    const income = incomeOf(api, alice);
    const pension = await income.addSource();
    const rent = await income.addSource({ name: 'Flat rental', frequency: 'monthly' });
    await income.record({ description: 'dec pension', income_date: '2025-12-31', income_source_id: pension.id });
    await income.record({ description: 'jan pension', income_date: '2026-01-01', income_source_id: pension.id });
    await income.record({ description: 'jan rent', income_date: '2026-01-31', income_source_id: rent.id });
    await income.record({ description: 'feb rent', income_date: '2026-02-01', income_source_id: rent.id });

    const descriptions = async (query: string) => (await income.entries(query)).data.map((e) => e.description);
    expect(await descriptions('')).toEqual(['feb rent', 'jan rent', 'jan pension', 'dec pension']);
    expect(await descriptions('from=2026-01-01&to=2026-01-31')).toEqual(['jan rent', 'jan pension']);
    expect(await descriptions(`income_source_id=${rent.id}`)).toEqual(['feb rent', 'jan rent']);
    expect(await descriptions(`income_source_id=${pension.id}&to=2025-12-31`)).toEqual(['dec pension']);
  });
});
