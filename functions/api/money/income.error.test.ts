import type { ApiUser, TestApi } from '../../../test/support/app.ts';
import { describe, expect, test } from '../../../test/support/fixtures.ts';
import { MAX_BODY_BYTES } from '../../app.ts';
import { expectProblem, fieldsOf } from '../../../test/support/problem-assertions.ts';

const validSource = { name: 'Pension', amount: '900.00', frequency: 'monthly' };
const validEntry = { amount: '900.00', income_date: '2026-01-01' };

/** Every income row as stored: a refused request must leave them as they were. */
async function incomeState(api: TestApi) {
  const sources = await api.database.owner.query('select * from public.income_sources order by id');
  const entries = await api.database.owner.query('select * from public.income_entries order by id');
  return { sources: sources.rows, entries: entries.rows };
}

/** The income routes as `user` calls them; `as` names another caller. */
function incomeOf(api: TestApi, user: ApiUser) {
  const request = (method: string, path: string, json?: unknown, as = user) => api.request(path, { method, token: as.token, json });

  async function created(path: string, body: unknown, as = user) {
    const response = await request('POST', path, body, as);
    expect(response.status).toBe(201);
    return response.json();
  }

  return { request, created };
}

describe('bad income source input', () => {
  test('answers 400 with one error per bad field and writes nothing', async ({ api, alice }) => {
    const { request } = incomeOf(api, alice);
    const before = await incomeState(api);
    const response = await request('POST', '/api/v1/income-sources', {
      name: '  ',
      amount: 0,
      frequency: 'fortnightly',
      next_payment_date: '2026-13-01',
      employer_info: ['acme'],
      is_active: 1,
    });
    expect(fieldsOf(await expectProblem(response, 400))).toEqual([
      'amount',
      'employer_info',
      'frequency',
      'is_active',
      'name',
      'next_payment_date',
    ]);
    expect(await incomeState(api)).toEqual(before);
  });

  test.for([[0], ['0.00'], [-1], ['abc'], ['3.333'], [1e20]])('rejects amount %j on create and update', async ([amount], { api, alice }) => {
    const { request, created } = incomeOf(api, alice);
    const source = await created('/api/v1/income-sources', validSource);
    const before = await incomeState(api);
    expect(fieldsOf(await expectProblem(await request('POST', '/api/v1/income-sources', { ...validSource, amount }), 400))).toEqual(['amount']);
    expect(fieldsOf(await expectProblem(await request('PATCH', `/api/v1/income-sources/${source.id}`, { amount }), 400))).toEqual(['amount']);
    expect(await incomeState(api)).toEqual(before);
  });
});

describe('bad income entry input', () => {
  test('answers 400 with one error per bad field and writes nothing', async ({ api, alice }) => {
    const { request } = incomeOf(api, alice);
    const before = await incomeState(api);
    const response = await request('POST', '/api/v1/income-entries', {
      amount: '-10',
      income_date: 'today',
      tax_withheld: '-1.00',
      income_source_id: 'pension',
      notes: 5,
    });
    expect(fieldsOf(await expectProblem(response, 400))).toEqual(['amount', 'income_date', 'income_source_id', 'notes', 'tax_withheld']);
    expect(await incomeState(api)).toEqual(before);
  });

  test.for(['2026-02-30', 'yesterday', '2026-02-28T00:00:00Z'])('rejects income_date %s', async (income_date, { api, alice }) => {
    const { request } = incomeOf(api, alice);
    const problem = await expectProblem(await request('POST', '/api/v1/income-entries', { ...validEntry, income_date }), 400);
    expect(fieldsOf(problem)).toEqual(['income_date']);
  });

  test("refuses someone else's income source exactly like a missing one, on create and update, writing nothing", async ({ api, alice, bob }) => {
    const { request, created } = incomeOf(api, alice);
    const theirs = await created('/api/v1/income-sources', validSource, bob);
    const entry = await created('/api/v1/income-entries', validEntry);
    const before = await incomeState(api);
    const refused = await expectProblem(await request('POST', '/api/v1/income-entries', { ...validEntry, income_source_id: theirs.id }), 400);
    expect(refused.type).toBe('/problems/invalid_reference');
    const missing = await request('POST', '/api/v1/income-entries', { ...validEntry, income_source_id: crypto.randomUUID() });
    expect(await expectProblem(missing, 400)).toEqual({ ...refused, request_id: missing.headers.get('x-request-id') });
    const relinked = await request('PATCH', `/api/v1/income-entries/${entry.id}`, { income_source_id: theirs.id, amount: '1.00' });
    expect((await expectProblem(relinked, 400)).type).toBe('/problems/invalid_reference');
    expect(await incomeState(api)).toEqual(before);
  });

  test('answers 400 to bad list queries', async ({ api, alice }) => {
    const { request } = incomeOf(api, alice);
    for (const query of ['from=last-week', 'to=2026-02-30', 'from=2026-02-01&to=2026-01-01', 'income_source_id=7', 'limit=-1']) {
      await expectProblem(await request('GET', `/api/v1/income-entries?${query}`), 400);
    }
    for (const query of ['limit=0', 'limit=abc', 'cursor=%%%']) {
      await expectProblem(await request('GET', `/api/v1/income-sources?${query}`), 400);
    }
    expect((await request('GET', '/api/v1/income-entries?currency=EUR')).status).toBe(200);
  });
});

describe('every income route', () => {
  test('answers 404 to ids that are not UUIDs and changes nothing', async ({ api, alice }) => {
    const { request, created } = incomeOf(api, alice);
    await created('/api/v1/income-entries', validEntry);
    const before = await incomeState(api);
    for (const resource of ['income-sources', 'income-entries']) {
      await expectProblem(await request('GET', `/api/v1/${resource}/not-a-uuid`), 404);
      await expectProblem(await request('PATCH', `/api/v1/${resource}/123`, { amount: '1.00' }), 404);
      await expectProblem(await request('DELETE', `/api/v1/${resource}/1' or '1'='1`), 404);
    }
    expect(await incomeState(api)).toEqual(before);
  });

  test('answers 413 to bodies over the limit and 400 to bodies of the wrong JSON type, writing nothing', async ({ api, alice }) => {
    const { request, created } = incomeOf(api, alice);
    const source = await created('/api/v1/income-sources', validSource);
    const entry = await created('/api/v1/income-entries', validEntry);
    const before = await incomeState(api);
    const padding = 'x'.repeat(MAX_BODY_BYTES + 1);
    for (const [method, path] of [
      ['POST', '/api/v1/income-sources'],
      ['PATCH', `/api/v1/income-sources/${source.id}`],
      ['POST', '/api/v1/income-entries'],
      ['PATCH', `/api/v1/income-entries/${entry.id}`],
    ]) {
      await expectProblem(await request(method, path, { ...validSource, ...validEntry, description: padding }), 413);
      for (const body of [[], 'income', 7, null]) await expectProblem(await request(method, path, body), 400);
    }
    expect(await incomeState(api)).toEqual(before);
  });
});
