import { createRoute, type Hook, z } from '@hono/zod-openapi';
import { asc, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import { systemSettings } from '../../../db/schema/index.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError, notFound } from '../../errors.ts';
import { problems } from '../problems.ts';
import { bearerAuth, jsonContent, newRouter, validationHook } from '../../openapi.ts';
import { PageQuery } from '../../database/pagination.ts';
import { Timestamp, Uuid } from '../../shapes.ts';

const SETTING_KEY_PATTERN = /^[a-z][a-z0-9_.-]{0,99}$/;

const SettingKey = z
  .string()
  .regex(SETTING_KEY_PATTERN, 'must start with a lowercase letter and hold only a-z, 0-9, "_", "." and "-" (at most 100)');

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

const SystemSettingList = z
  .object({ data: z.array(SystemSetting), next_cursor: z.string().nullable() })
  .openapi('SystemSettingList');

const SystemSettingWrite = z
  .object({
    setting_value: z
      .unknown()
      .refine((value) => value !== undefined && value !== null, 'required: any JSON value but null')
      .openapi({ description: 'Any JSON value but null' }),
    description: z.string().max(1000).nullable().optional().openapi({ description: 'Left as it is when omitted' }),
  })
  .openapi('SystemSettingWrite');

const SettingKeyParam = z.object({
  key: SettingKey.openapi({ param: { name: 'key', in: 'path' }, example: 'webhook_log_retention_days' }),
});

const tags = ['Administration'];
const security = bearerAuth;

const listSettings = createRoute({
  method: 'get',
  path: '/admin/settings',
  tags,
  security,
  summary: 'List system settings, by key',
  description: 'Ordered by `setting_key` (A to Z) rather than newest first: settings are looked up by name.',
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of settings', content: jsonContent(SystemSettingList) },
    ...problems(400, 401, 403),
  },
});

const getSetting = createRoute({
  method: 'get',
  path: '/admin/settings/{key}',
  tags,
  security,
  summary: 'Get a system setting',
  request: { params: SettingKeyParam },
  responses: { 200: { description: 'The setting', content: jsonContent(SystemSetting) }, ...problems(401, 403, 404) },
});

const putSetting = createRoute({
  method: 'put',
  path: '/admin/settings/{key}',
  tags,
  security,
  summary: 'Create or replace a system setting',
  description:
    'Upsert by key. Answers `201` with `Location` when the key is new, `200` when an existing setting was replaced. ' +
    '`updated_by` becomes the caller. A key must match `^[a-z][a-z0-9_.-]{0,99}$`; any other key is `400`.',
  request: { params: SettingKeyParam, body: { content: jsonContent(SystemSettingWrite), required: true } },
  responses: {
    200: { description: 'Replaced', content: jsonContent(SystemSetting) },
    201: { description: 'Created', content: jsonContent(SystemSetting) },
    ...problems(400, 401, 403, 413, 415),
  },
});

/** A key names the setting to create, so a malformed one is a bad request rather than a missing resource. */
function badKeyIsBadRequest<T, P extends string>(
  result: Parameters<Hook<T, AppEnv, P, undefined>>[0],
  c: Parameters<Hook<T, AppEnv, P, undefined>>[1],
): undefined {
  if (!result.success && result.target === 'param') {
    throw new ApiError('validation_failed', 'The setting key is not valid.', {
      errors: result.error.issues.map((issue) => ({ path: 'key', message: issue.message })),
    });
  }
  validationHook(result, c as never);
  return undefined;
}

/**
 * setting_value read as JSON text: the drivers already parse jsonb, and drizzle's jsonb
 * column parses any string again, turning a stored "123" into the number 123.
 */
const settingColumns = {
  ...getTableColumns(systemSettings),
  setting_value: sql<string>`${systemSettings.setting_value}::text`,
};

function withParsedValue<Row extends { setting_value: string }>(row: Row) {
  return { ...row, setting_value: JSON.parse(row.setting_value) as unknown };
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

export const settingsRouter = newRouter()
  .openapi(listSettings, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const rows = await c.var.db
      .select(settingColumns)
      .from(systemSettings)
      .where(cursor ? gt(systemSettings.setting_key, decodeKeyCursor(cursor)) : undefined)
      .orderBy(asc(systemSettings.setting_key))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json({ data: page.map(withParsedValue), next_cursor: rows.length > limit && last ? encodeKeyCursor(last.setting_key) : null }, 200);
  })
  .openapi(getSetting, async (c) => {
    const [setting] = await c.var.db
      .select(settingColumns)
      .from(systemSettings)
      .where(eq(systemSettings.setting_key, c.req.valid('param').key));
    if (!setting) throw notFound('setting');
    return c.json(withParsedValue(setting), 200);
  })
  .openapi(
    putSetting,
    async (c) => {
      const { key } = c.req.valid('param');
      const { setting_value, description } = c.req.valid('json');
      const written = { setting_value, updated_by: c.var.caller!.userId, ...(description !== undefined && { description }) };
      const [{ created, ...setting }] = await c.var.db
        .insert(systemSettings)
        .values({ setting_key: key, ...written })
        .onConflictDoUpdate({ target: systemSettings.setting_key, set: written })
        // xmax is 0 only on a row version this statement inserted; an upsert that updated leaves it set.
        .returning({ ...settingColumns, created: sql<boolean>`xmax = 0` });
      if (!created) return c.json(withParsedValue(setting), 200);
      c.header('location', `/api/v1/admin/settings/${key}`);
      return c.json(withParsedValue(setting), 201);
    },
    badKeyIsBadRequest,
  );
