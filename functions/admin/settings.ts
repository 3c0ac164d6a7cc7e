import { z } from '@hono/zod-openapi';
import { asc, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import { systemSettings } from '../../db/schema/index.ts';
import type { Page, PageQuery } from '../database/pagination.ts';
import type { Database } from '../database/types.ts';
import { ApiError, notFound } from '../errors.ts';
import { Timestamp, Uuid } from '../shapes.ts';

/**
 * System settings: named JSON values administrators set (log retention, feature switches).
 * Every function runs in the admin scope; the policies decide who may read and write them.
 */

const SETTING_KEY_PATTERN = /^[a-z][a-z0-9_.-]{0,99}$/;

export const SettingKey = z
  .string()
  .regex(SETTING_KEY_PATTERN, 'must start with a lowercase letter and hold only a-z, 0-9, "_", "." and "-" (at most 100)');

export const SettingKeyParam = z.object({
  key: SettingKey.openapi({ param: { name: 'key', in: 'path' }, example: 'webhook_log_retention_days' }),
});

export const SystemSetting = z
  .object({
    id: Uuid,
    setting_key: z.string(),
    setting_value: z.unknown().openapi({ description: 'Any JSON value' }),
    description: z.string().nullable(),
    updated_by: Uuid.nullable().openapi({ description: 'The administrator who last wrote it' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('SystemSetting');
export type SystemSetting = z.infer<typeof SystemSetting>;

export const SystemSettingList = z
  .object({ data: z.array(SystemSetting), next_cursor: z.string().nullable() })
  .openapi('SystemSettingList');

export const SystemSettingWrite = z
  .object({
    setting_value: z
      .unknown()
      .refine((value) => value !== undefined && value !== null, 'required: any JSON value but null')
      .openapi({ description: 'Any JSON value but null' }),
    description: z.string().max(1000).nullable().optional().openapi({ description: 'Left as it is when omitted' }),
  })
  .openapi('SystemSettingWrite');
export type SystemSettingWrite = z.infer<typeof SystemSettingWrite>;

/**
 * The key, checked: a key names the setting to create, so a malformed one is a bad
 * request naming `key`, not a missing resource.
 */
export function settingKeyOf(key: string): string {
  const parsed = SettingKey.safeParse(key);
  if (parsed.success) return parsed.data;
  throw new ApiError('validation_failed', 'The setting key is not valid.', {
    errors: parsed.error.issues.map((issue) => ({ path: 'key', message: issue.message })),
  });
}

/**
 * setting_value read as JSON text: the drivers already parse jsonb, and drizzle's jsonb
 * column parses any string again, turning a stored "123" into the number 123.
 */
const settingColumns = {
  ...getTableColumns(systemSettings),
  setting_value: sql<string>`${systemSettings.setting_value}::text`,
};

function withParsedValue<Row extends { setting_value: string }>(row: Row): Omit<Row, 'setting_value'> & { setting_value: unknown } {
  return { ...row, setting_value: JSON.parse(row.setting_value) as unknown };
}

/** By key (A to Z) rather than newest first: settings are looked up by name. */
export async function listSettings(db: Database, page: PageQuery): Promise<Page<SystemSetting>> {
  const rows = await db
    .select(settingColumns)
    .from(systemSettings)
    .where(page.cursor ? gt(systemSettings.setting_key, decodeKeyCursor(page.cursor)) : undefined)
    .orderBy(asc(systemSettings.setting_key))
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    data: shown.map(withParsedValue),
    next_cursor: rows.length > page.limit && last ? encodeKeyCursor(last.setting_key) : null,
  };
}

export async function getSetting(db: Database, key: string): Promise<SystemSetting> {
  const [setting] = await db.select(settingColumns).from(systemSettings).where(eq(systemSettings.setting_key, key));
  if (!setting) throw notFound('setting');
  return withParsedValue(setting);
}

/**
 * Creates or replaces the setting named `key`; `updated_by` becomes the caller. Without a
 * description the stored one stays. Says whether the key was new.
 */
export async function putSetting(
  db: Database,
  key: string,
  input: SystemSettingWrite,
): Promise<{ setting: SystemSetting; created: boolean }> {
  const written = {
    setting_value: input.setting_value,
    updated_by: sql`auth.uid()`,
    ...(input.description !== undefined && { description: input.description }),
  };
  const [{ created, ...setting }] = await db
    .insert(systemSettings)
    .values({ setting_key: settingKeyOf(key), ...written })
    .onConflictDoUpdate({ target: systemSettings.setting_key, set: written })
    // xmax is 0 only on a row version this statement inserted; an upsert that updated leaves it set.
    .returning({ ...settingColumns, created: sql<boolean>`xmax = 0` });
  return { setting: withParsedValue(setting), created };
}

function encodeKeyCursor(key: string): string {
  return btoa(JSON.stringify([key])).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function decodeKeyCursor(cursor: string): string {
  try {
    const [key] = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof key === 'string' && SETTING_KEY_PATTERN.test(key)) return key;
  } catch {
    // fall through
  }
  throw new ApiError('validation_failed', 'The cursor is not valid.', {
    errors: [{ path: 'cursor', message: 'not a cursor returned by this list' }],
  });
}
