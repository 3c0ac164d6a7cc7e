import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../test/support/app.ts';

let api: TestApi;
let alice: ApiUser;

beforeAll(async () => {
  api = await createTestApi();
  alice = await api.signIn();
});
afterAll(() => api.close());

async function send(method: string, path: string, body: unknown, expected: number, user = alice) {
  const response = await api.request(path, { method, token: user.token, json: body });
  expect(response.status, await response.clone().text()).toBe(expected);
  return response;
}

const post = async (path: string, body: unknown, user = alice) => (await send('POST', path, body, 201, user)).json();
const patch = async (path: string, body: unknown, user = alice) => (await send('PATCH', path, body, 200, user)).json();
const get = async (path: string, user = alice) => (await send('GET', path, undefined, 200, user)).json();

const newSource = (fields: Record<string, unknown> = {}, user = alice) =>
  post('/api/v1/income-sources', { name: 'Pension', amount: '1450.00', frequency: 'monthly', ...fields }, user);

const newEntry = (fields: Record<string, unknown> = {}, user = alice) =>
  post('/api/v1/income-entries', { amount: '100.00', income_date: '2026-01-15', ...fields }, user);

describe('income sources', () => {
  it('creates, reads, updates and deletes a source', async () => {
    const response = await send(
      'POST',
      '/api/v1/income-sources',
      { name: 'Freelance', amount: 320.5, frequency: 'bi-weekly', next_payment_date: '2026-04-03', employer_info: { client: 'Acme' } },
      201,
    );
    const source = await response.json();
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
    expect(await get(`/api/v1/income-sources/${source.id}`)).toEqual(source);

    const updated = await patch(`/api/v1/income-sources/${source.id}`, { frequency: 'one-time', next_payment_date: null, is_active: false });
    expect(updated).toMatchObject({ frequency: 'one-time', next_payment_date: null, is_active: false, amount: '320.50' });

    expect((await api.request(`/api/v1/income-sources/${source.id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    expect((await api.request(`/api/v1/income-sources/${source.id}`, { token: alice.token })).status).toBe(404);
  });

  it('lists own sources newest first', async () => {
    const bob = await api.signIn();
    for (const name of ['a', 'b', 'c']) await newSource({ name }, bob);
    const page = await get('/api/v1/income-sources?limit=2', bob);
    expect(page.data.map((s: { name: string }) => s.name)).toEqual(['c', 'b']);
    const rest = await get(`/api/v1/income-sources?limit=2&cursor=${page.next_cursor}`, bob);
    expect(rest.data.map((s: { name: string }) => s.name)).toEqual(['a']);
    expect(rest.next_cursor).toBeNull();
  });
});

describe('income entries', () => {
  it('records an entry against a source, with tax withheld, and updates and deletes it', async () => {
    const source = await newSource();
    const response = await send(
      'POST',
      '/api/v1/income-entries',
      { income_source_id: source.id, amount: '1450', income_date: '2026-02-01', tax_withheld: 0.1 },
      201,
    );
    const entry = await response.json();
    expect(response.headers.get('location')).toBe(`/api/v1/income-entries/${entry.id}`);
    expect(entry).toMatchObject({
      user_id: alice.id,
      income_source_id: source.id,
      amount: '1450.00',
      income_date: '2026-02-01',
      tax_withheld: '0.10',
      description: null,
    });
    expect(await get(`/api/v1/income-entries/${entry.id}`)).toEqual(entry);

    const updated = await patch(`/api/v1/income-entries/${entry.id}`, { amount: '1460.20', notes: 'raise', income_source_id: null });
    expect(updated).toMatchObject({ amount: '1460.20', notes: 'raise', income_source_id: null, tax_withheld: '0.10' });

    expect((await api.request(`/api/v1/income-entries/${entry.id}`, { method: 'DELETE', token: alice.token })).status).toBe(204);
    expect((await api.request(`/api/v1/income-entries/${entry.id}`, { token: alice.token })).status).toBe(404);
  });

  it('defaults tax_withheld to zero', async () => {
    expect((await newEntry()).tax_withheld).toBe('0.00');
  });

  it('keeps entries when their source is deleted, unlinked', async () => {
    const source = await newSource();
    const entry = await newEntry({ income_source_id: source.id });
    await send('DELETE', `/api/v1/income-sources/${source.id}`, undefined, 204);
    expect(await get(`/api/v1/income-entries/${entry.id}`)).toMatchObject({ income_source_id: null, amount: '100.00' });
  });

  it('filters by an inclusive date range and by source', async () => {
    const carol = await api.signIn();
    const pension = await newSource({}, carol);
    const rent = await newSource({ name: 'Flat rental', frequency: 'monthly' }, carol);
    await newEntry({ description: 'dec pension', income_date: '2025-12-31', income_source_id: pension.id }, carol);
    await newEntry({ description: 'jan pension', income_date: '2026-01-01', income_source_id: pension.id }, carol);
    await newEntry({ description: 'jan rent', income_date: '2026-01-31', income_source_id: rent.id }, carol);
    await newEntry({ description: 'feb rent', income_date: '2026-02-01', income_source_id: rent.id }, carol);

    const descriptions = async (query: string) =>
      (await get(`/api/v1/income-entries?${query}`, carol)).data.map((e: { description: string }) => e.description);
    expect(await descriptions('')).toEqual(['feb rent', 'jan rent', 'jan pension', 'dec pension']);
    expect(await descriptions('from=2026-01-01&to=2026-01-31')).toEqual(['jan rent', 'jan pension']);
    expect(await descriptions(`income_source_id=${rent.id}`)).toEqual(['feb rent', 'jan rent']);
    expect(await descriptions(`income_source_id=${pension.id}&to=2025-12-31`)).toEqual(['dec pension']);
  });
});
