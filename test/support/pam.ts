import { expect, test as base } from 'vitest';
import { accessTokenConfig, sessionKeyHash, verifyAccessToken } from '../../functions/auth/verify-access-token.ts';
import type { Caller, Env } from '../../functions/env.ts';
import { parseServerSentEvents } from '../../functions/pam/providers/sse.ts';
import { type ApiResponse, type ApiUser, createTestApi, type TestApi, testEnv } from './app.ts';
import { type FakeLlm, startFakeLlm } from './fake-llm.ts';

/**
 * PAM's chat through the routes, with a language model stood in for by a local server
 * that speaks the providers' wire formats (fake-llm.ts). One app and one stand-in per
 * file; each test chooses the provider and limits it runs with (`pam.configure`), and
 * starts with the stand-in's script and request log empty.
 */

export type ProviderChoice = 'openai' | 'anthropic' | 'local';

/** Limits and other PAM settings, as the Worker's env carries them (strings). */
export type PamSettings = Partial<
  Record<'PAM_MESSAGES_PER_WINDOW' | 'PAM_RATE_WINDOW_SECONDS' | 'PAM_MAX_TOOL_ROUNDS' | 'PAM_TURN_TIMEOUT_MS' | 'PAM_HISTORY_TOKENS', string>
> &
  Partial<Env>;

export interface PamApi extends TestApi {
  fake: FakeLlm;
  /** From now on every request runs with this provider (the stand-in's, or the offline one) and these settings. */
  configure(provider?: ProviderChoice, settings?: PamSettings): void;
}

export async function startPamApi(): Promise<PamApi> {
  const fake = await startFakeLlm();
  // The app reads env per request: the same object, changed in place, reconfigures it.
  const env: Record<string, unknown> = {};
  const api = await createTestApi(env as Env);
  const configure = (provider: ProviderChoice = 'openai', settings: PamSettings = {}) => {
    for (const key of Object.keys(env)) delete env[key];
    Object.assign(env, testEnv, providerEnv(fake, provider), settings);
  };
  configure();
  return {
    ...api,
    fake,
    configure,
    close: async () => {
      await fake.close();
      await api.close();
    },
  };
}

function providerEnv(fake: FakeLlm, provider: ProviderChoice): Partial<Env> {
  switch (provider) {
    case 'openai':
      return { PAM_PROVIDER: 'openai', PAM_BASE_URL: `${fake.url}/v1`, PAM_API_KEY: 'test-key' };
    case 'anthropic':
      return { PAM_PROVIDER: 'anthropic', PAM_BASE_URL: fake.url, PAM_API_KEY: 'test-anthropic-key' };
    case 'local':
      return {};
  }
}

export interface PamFixtures {
  pam: PamApi;
  alice: ApiUser;
  bob: ApiUser;
}

export const test = base.extend<PamFixtures & { fresh: void }>({
  pam: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const pam = await startPamApi();
      await use(pam);
      await pam.close();
    },
    { scope: 'file' },
  ],
  fresh: [
    async ({ pam }, use) => {
      pam.configure();
      pam.fake.reset();
      await use();
    },
    { auto: true },
  ],
  alice: async ({ pam }, use) => use(await pam.signIn()),
  bob: async ({ pam }, use) => use(await pam.signIn()),
});

export { describe, expect } from 'vitest';

/** The caller a verified token makes: what PAM's tools and jobs act as for a signed-in user. */
export async function callerOf(user: ApiUser): Promise<Caller> {
  const claims = await verifyAccessToken(user.token, accessTokenConfig(testEnv));
  return { userId: claims.sub, claims, sessionKeyHash: await sessionKeyHash(user.token, claims) };
}

export async function openConversation(api: TestApi, user: ApiUser, body: Record<string, unknown> = {}) {
  const response = await api.request('/api/v1/pam/conversations', { method: 'POST', token: user.token, json: body });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string; title: string | null };
}

export interface SendOptions {
  clientMessageId?: string;
  signal?: AbortSignal;
}

/** Sends a message and takes the answer as JSON (no Accept: text/event-stream). */
export function say(api: TestApi, user: ApiUser, conversationId: string, content: string, options: SendOptions = {}): Promise<ApiResponse> {
  return api.request(`/api/v1/pam/conversations/${conversationId}/messages`, {
    method: 'POST',
    token: user.token,
    json: { content, ...(options.clientMessageId ? { client_message_id: options.clientMessageId } : {}) },
    signal: options.signal,
  });
}

/** Sends a message asking for server-sent events; the response body is the stream. */
export function sayStreaming(api: TestApi, user: ApiUser, conversationId: string, content: string, options: SendOptions = {}) {
  return api.request(`/api/v1/pam/conversations/${conversationId}/messages`, {
    method: 'POST',
    token: user.token,
    headers: { accept: 'text/event-stream' },
    json: { content, ...(options.clientMessageId ? { client_message_id: options.clientMessageId } : {}) },
    signal: options.signal,
  });
}

export interface TurnStreamEvent {
  event: string;
  id: string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
}

/** Every event of a streamed turn, read to its end. */
export async function eventsOf(response: ApiResponse): Promise<TurnStreamEvent[]> {
  expect(response.status, response.status === 200 ? '' : await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: TurnStreamEvent[] = [];
  for await (const { event, id, data } of parseServerSentEvents(response.body!)) {
    events.push({ event, id, data: JSON.parse(data) });
  }
  return events;
}

/** A streamed turn, start to end. */
export async function streamTurn(api: TestApi, user: ApiUser, conversationId: string, content: string, options: SendOptions = {}) {
  return eventsOf(await sayStreaming(api, user, conversationId, content, options));
}

/** The conversation with its messages, as the user sees it. */
export async function conversationOf(api: TestApi, user: ApiUser, id: string) {
  const response = await api.request(`/api/v1/pam/conversations/${id}`, { token: user.token });
  expect(response.status).toBe(200);
  return response.json();
}

/** Waits for `condition` to hold, checking every few milliseconds, and fails after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 5_000): Promise<T> {
  const giveUp = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > giveUp) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
