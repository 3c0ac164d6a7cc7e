import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUser, createTestApi, type TestApi } from '../../../test/support/app.ts';
import { expectProblem, tableDigest } from '../../../test/support/problem-assertions.ts';

let api: TestApi;
let user: ApiUser;

beforeAll(async () => {
  api = await createTestApi();
  user = await api.signIn();
});
afterAll(() => api.close());

describe('bad input to the affiliate sales list', () => {
  it('answers 400 to bad query values and ignores unknown parameters', async () => {
    for (const query of ['status=won', 'limit=0', 'limit=101', 'cursor=garbage']) {
      await expectProblem(await api.request(`/api/v1/affiliate-sales?${query}`, { token: user.token }), 400);
    }
    expect((await api.request('/api/v1/affiliate-sales?colour=blue', { token: user.token })).status).toBe(200);
  });

  it('is read-only: no verb writes a sale', async () => {
    const before = await tableDigest(api, 'affiliate_sales');
    const sale = { order_id: 'forged', sale_amount: '1000.00', commission_amount: '1000.00' };
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await api.request('/api/v1/affiliate-sales', { method, token: user.token, json: sale });
      expect(response.status, method).toBeGreaterThanOrEqual(400);
      expect(response.status, method).toBeLessThan(500);
    }
    expect(await tableDigest(api, 'affiliate_sales')).toBe(before);
  });
});
