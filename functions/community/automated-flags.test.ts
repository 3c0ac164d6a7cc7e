import { type ApiUser, connectorFor, type TestApi, testEnv } from '../../test/support/app.ts';
import { describe, expect, test } from '../../test/support/fixtures.ts';
import { accessTokenConfig, sessionKeyHash, verifyAccessToken } from '../auth/verify-access-token.ts';
import { withCaller } from '../database/transactions.ts';
import { type AutomatedFlag, builtInRules, flagContent } from './automated-flags.ts';
import { communityDefaults } from './settings.ts';

/** Runs `work` under `user`'s claims, as a request or one of PAM's tools would. */
async function as<T>(api: TestApi, user: ApiUser, work: Parameters<typeof withCaller<T>>[3]): Promise<T> {
  const claims = await verifyAccessToken(user.token, accessTokenConfig(testEnv));
  const caller = { userId: claims.sub, claims, sessionKeyHash: await sessionKeyHash(user.token, claims) };
  return withCaller(connectorFor(api.database), {}, caller, work);
}

describe('the moderation rules', () => {
  const rules = {
    ...communityDefaults.moderation_rules,
    blocked_words: { words: ['free money', 'scam'], severity: 'high' as const },
  };
  const flagsFor = (api: TestApi, user: ApiUser, content: string, title?: string) =>
    as(api, user, (db) => flagContent(db, { kind: 'post', content, title }, rules));
  const ruleNames = (flags: AutomatedFlag[]) => flags.map((flag) => flag.rule);

  test('match blocked words and phrases whole, in any case, in the title too', async ({ api, alice }) => {
    expect(await flagsFor(api, alice, 'Get FREE \n money now')).toEqual([{ rule: 'blocked_words', severity: 'high', detail: 'contains "free money"' }]);
    expect(ruleNames(await flagsFor(api, alice, 'Freedom, money'))).toEqual([]);
    expect(ruleNames(await flagsFor(api, alice, 'Scammers and scampi'))).toEqual([]);
    expect(ruleNames(await flagsFor(api, alice, 'Fine text', 'A scam!'))).toEqual(['blocked_words']);
  });

  test('flag repeats of the author\'s own recent text, in posts and comments, and nobody else\'s', async ({ api, alice, bob }) => {
    const post = await api.request('/api/v1/posts', { method: 'POST', token: bob.token, json: { content: 'Ferry tickets for sale' } });
    expect(post.status).toBe(201);
    expect(ruleNames(await flagsFor(api, alice, 'Ferry tickets for sale'))).toEqual([]);
    const { id } = await (await api.request('/api/v1/posts', { method: 'POST', token: alice.token, json: { content: 'Spare fuse, anyone?' } })).json();
    await api.request(`/api/v1/posts/${id}/comments`, { method: 'POST', token: alice.token, json: { content: 'Ferry tickets for sale' } });
    expect(ruleNames(await flagsFor(api, alice, 'ferry  TICKETS for sale'))).toEqual(['repeated_text']);
  });

  test('call shouting only over enough letters', async ({ api, alice }) => {
    expect(ruleNames(await flagsFor(api, alice, 'OK, GPS ON'))).toEqual([]);
    expect(ruleNames(await flagsFor(api, alice, 'WHY IS THE CAMPGROUND FULL AGAIN'))).toEqual(['shouting']);
    expect(ruleNames(await flagsFor(api, alice, 'Why is the campground FULL again, asks everyone here'))).toEqual([]);
  });

  test('are a list the caller can extend, for a classifier behind an API say', async ({ api, alice }) => {
    const classifier = {
      name: 'classifier',
      review: async () => [{ rule: 'classifier', severity: 'high' as const, detail: 'toxicity 0.93' }],
    };
    const flags = await as(api, alice, (db) => flagContent(db, { kind: 'comment', content: 'hm' }, rules, [...builtInRules, classifier]));
    expect(flags).toEqual([{ rule: 'classifier', severity: 'high', detail: 'toxicity 0.93' }]);
  });
});
