import { type ApiUser, connectorFor, type TestApi, testEnv } from '../../test/support/app.ts';
import { describe, expect, test } from '../../test/support/fixtures.ts';
import { accessTokenConfig, sessionKeyHash, verifyAccessToken } from '../auth/verify-access-token.ts';
import { withCaller } from '../database/transactions.ts';
import { communityDefaults, communitySettings, settingKeys } from './settings.ts';

/** Runs `work` under `user`'s claims, as a request or one of PAM's tools would. */
async function as<T>(api: TestApi, user: ApiUser, work: Parameters<typeof withCaller<T>>[3]): Promise<T> {
  const claims = await verifyAccessToken(user.token, accessTokenConfig(testEnv));
  const caller = { userId: claims.sub, claims, sessionKeyHash: await sessionKeyHash(user.token, claims) };
  return withCaller(connectorFor(api.database), {}, caller, work);
}

async function setSetting(api: TestApi, key: string, value: unknown) {
  await api.database.owner.query(`update public.system_settings set setting_value = $2 where setting_key = $1`, [key, JSON.stringify(value)]);
}

describe('the community settings', () => {
  test('as migrated, are the defaults the code falls back on', async ({ api, alice }) => {
    const { rows } = await api.database.owner.query<{ setting_key: string; setting_value: unknown }>(
      `select setting_key, setting_value from public.system_settings where setting_key like 'community.%' order by 1`,
    );
    const stored = Object.fromEntries(rows.map((row) => [row.setting_key, row.setting_value]));
    expect(stored).toEqual({
      [settingKeys.rateLimit('comment')]: communityDefaults.rate_limits.comment,
      [settingKeys.rateLimit('group')]: communityDefaults.rate_limits.group,
      [settingKeys.rateLimit('post')]: communityDefaults.rate_limits.post,
      [settingKeys.rateLimit('report')]: communityDefaults.rate_limits.report,
      [settingKeys.reportHideThreshold]: communityDefaults.report_hide_threshold,
      [settingKeys.moderationRules]: communityDefaults.moderation_rules,
    });
    expect(await as(api, alice, communitySettings)).toEqual(communityDefaults);
  });

  test('read by any signed-in user, and each part falls back on its own when malformed', async ({ api, alice }) => {
    await setSetting(api, settingKeys.rateLimit('post'), { max_hits: 0, window_seconds: 60 });
    await setSetting(api, settingKeys.rateLimit('comment'), { max_hits: 5, window_seconds: 60 });
    await setSetting(api, settingKeys.moderationRules, { shouting: { severity: 'high' }, repeated_text: 'off', blocked_words: { words: 'spam' } });
    try {
      const settings = await as(api, alice, communitySettings);
      expect(settings.rate_limits.post).toEqual(communityDefaults.rate_limits.post);
      expect(settings.rate_limits.comment).toEqual({ max_hits: 5, window_seconds: 60 });
      expect(settings.moderation_rules).toEqual({
        ...communityDefaults.moderation_rules,
        shouting: { ...communityDefaults.moderation_rules.shouting, severity: 'high' },
      });
    } finally {
      await setSetting(api, settingKeys.rateLimit('post'), communityDefaults.rate_limits.post);
      await setSetting(api, settingKeys.rateLimit('comment'), communityDefaults.rate_limits.comment);
      await setSetting(api, settingKeys.moderationRules, communityDefaults.moderation_rules);
    }
  });
});
