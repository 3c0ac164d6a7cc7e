import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Database } from '../database/types.ts';

/**
 * The community's tunables: rate limits and moderation rules, kept in system_settings
 * under `community.*` so that an administrator changes them without a deploy
 * (PUT /api/v1/admin/settings/:key). Migration 0016 inserts these same defaults; a
 * missing or malformed value falls back to its default here rather than failing requests.
 */

export const RateLimit = z.object({
  max_hits: z.number().int().min(1).max(1_000_000),
  window_seconds: z.number().int().min(1).max(30 * 86_400),
});
export type RateLimit = z.infer<typeof RateLimit>;

/** What a user does that is limited per user and window. */
export type LimitedAction = 'post' | 'comment' | 'report' | 'group';

export const FlagSeverity = z.enum(['low', 'high']);
export type FlagSeverity = z.infer<typeof FlagSeverity>;

const ruleSettings = {
  blocked_words: z.object({ words: z.array(z.string().trim().min(1).max(200)).max(10_000), severity: FlagSeverity }),
  links_from_new_accounts: z.object({ account_age_hours: z.number().min(0).max(24 * 3650), severity: FlagSeverity }),
  shouting: z.object({
    min_letters: z.number().int().min(1).max(100_000),
    uppercase_share: z.number().gt(0).max(1),
    severity: FlagSeverity,
  }),
  repeated_text: z.object({ window_minutes: z.number().min(0).max(7 * 1440), severity: FlagSeverity }),
};

export type ModerationRuleSettings = { [Rule in keyof typeof ruleSettings]: z.infer<(typeof ruleSettings)[Rule]> };

export interface CommunitySettings {
  rate_limits: Record<LimitedAction, RateLimit>;
  /** Read by the database itself (private.hold_reported_content); here for completeness. */
  report_hide_threshold: number;
  moderation_rules: ModerationRuleSettings;
}

export const communityDefaults: CommunitySettings = {
  rate_limits: {
    post: { max_hits: 20, window_seconds: 3600 },
    comment: { max_hits: 60, window_seconds: 3600 },
    report: { max_hits: 30, window_seconds: 3600 },
    group: { max_hits: 5, window_seconds: 86_400 },
  },
  report_hide_threshold: 3,
  moderation_rules: {
    blocked_words: { words: [], severity: 'high' },
    links_from_new_accounts: { account_age_hours: 24, severity: 'high' },
    shouting: { min_letters: 20, uppercase_share: 0.7, severity: 'low' },
    repeated_text: { window_minutes: 10, severity: 'high' },
  },
};

/** The `system_settings` key of each part. */
export const settingKeys = {
  rateLimit: (action: LimitedAction) => `community.rate_limit.${action}`,
  reportHideThreshold: 'community.report_hide_threshold',
  moderationRules: 'community.moderation_rules',
} as const;

/** The settings as they stand, each part checked on its own: one bad value costs only itself. */
export async function communitySettings(db: Database): Promise<CommunitySettings> {
  const result = await db.execute(sql`select private.community_settings() as settings`);
  const [{ settings }] = (result as unknown as { rows: { settings: Record<string, unknown> }[] }).rows;
  const actions = Object.keys(communityDefaults.rate_limits) as LimitedAction[];
  const threshold = z.number().int().min(1).safeParse(settings[settingKeys.reportHideThreshold]);
  return {
    rate_limits: Object.fromEntries(
      actions.map((action) => [action, valueOr(RateLimit, settings[settingKeys.rateLimit(action)], communityDefaults.rate_limits[action])]),
    ) as Record<LimitedAction, RateLimit>,
    report_hide_threshold: threshold.success ? threshold.data : communityDefaults.report_hide_threshold,
    moderation_rules: moderationRulesOf(settings[settingKeys.moderationRules]),
  };
}

/** Each rule from the setting, completed from its defaults; a rule that does not parse keeps its defaults. */
function moderationRulesOf(value: unknown): ModerationRuleSettings {
  const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const defaults = communityDefaults.moderation_rules;
  const rule = <Rule extends keyof ModerationRuleSettings>(name: Rule): ModerationRuleSettings[Rule] => {
    const given = stored[name];
    const merged = typeof given === 'object' && given !== null ? { ...defaults[name], ...given } : defaults[name];
    return valueOr(ruleSettings[name] as unknown as z.ZodType<ModerationRuleSettings[Rule]>, merged, defaults[name]);
  };
  return {
    blocked_words: rule('blocked_words'),
    links_from_new_accounts: rule('links_from_new_accounts'),
    shouting: rule('shouting'),
    repeated_text: rule('repeated_text'),
  };
}

function valueOr<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}
