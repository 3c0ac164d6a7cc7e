import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, signTestToken, type TestApi } from '../../test/support/app.ts';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe('sessions', () => {
  it('lists own sessions, marks the current one, and never shows the token hash', async () => {
    const user = await api.signIn();
    const laptop = await signTestToken({ sub: user.id, email: user.email, session_id: crypto.randomUUID() });
    await api.request('/api/v1/me', { token: laptop });
    const response = await api.request('/api/v1/sessions', { token: user.token });
    expect(response.status).toBe(200);
    const { data, next_cursor } = await response.json();
    expect(data).toHaveLength(2);
    expect(next_cursor).toBeNull();
    expect(data.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(JSON.stringify(data)).not.toMatch(/session_token|[0-9a-f]{64}/);
  });

  it('revokes a session: its tokens get 401, other sessions keep working', async () => {
    const user = await api.signIn();
    const phone = await signTestToken({ sub: user.id, email: user.email, session_id: crypto.randomUUID() });
    expect((await api.request('/api/v1/me', { token: phone })).status).toBe(200);
    const { data } = await (await api.request('/api/v1/sessions', { token: user.token })).json();
    const phoneSession = data.find((s: { current: boolean }) => !s.current);

    expect((await api.request(`/api/v1/sessions/${phoneSession.id}`, { method: 'DELETE', token: user.token })).status).toBe(204);
    const refused = await api.request('/api/v1/me', { token: phone });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    // Signing in again starts a new session; the untouched session keeps working.
    const signedInAgain = await signTestToken({ sub: user.id, email: user.email, session_id: crypto.randomUUID() });
    expect((await api.request('/api/v1/me', { token: signedInAgain })).status).toBe(200);
    expect((await api.request('/api/v1/me', { token: user.token })).status).toBe(200);

    // Revoking again is a no-op; the row stays ended.
    expect((await api.request(`/api/v1/sessions/${phoneSession.id}`, { method: 'DELETE', token: user.token })).status).toBe(204);
    const { rows } = await api.database.owner.query('select is_active, ended_at is not null as ended from public.user_sessions where id = $1', [phoneSession.id]);
    expect(rows).toEqual([{ is_active: false, ended: true }]);
  });

  it('refuses a new token that names a revoked session id', async () => {
    const user = await api.signIn();
    const { data } = await (await api.request('/api/v1/sessions', { token: user.token })).json();
    await api.request(`/api/v1/sessions/${data[0].id}`, { method: 'DELETE', token: user.token });
    const sameSession = await signTestToken({ sub: user.id, email: user.email, session_id: user.sessionId });
    expect((await api.request('/api/v1/todos', { token: sameSession })).status).toBe(401);
  });
});
