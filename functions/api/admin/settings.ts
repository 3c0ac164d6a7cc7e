import { PageQuery } from '../../database/pagination.ts';
import {
  getSetting,
  listSettings,
  putSetting,
  settingKeyOf,
  SettingKeyParam,
  SystemSetting,
  SystemSettingList,
  SystemSettingWrite,
} from '../../admin/settings.ts';
import { jsonContent, newRouter, validationHook } from '../../openapi.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Administration', 'admin');

const list = operation({
  method: 'get',
  path: '/admin/settings',
  operationId: 'listSettings',
  summary: 'List system settings, by key',
  description: 'Ordered by `setting_key` (A to Z) rather than newest first: settings are looked up by name.',
  request: { query: PageQuery },
  responses: { 200: { description: 'A page of settings', content: jsonContent(SystemSettingList) } },
});

const get = operation({
  method: 'get',
  path: '/admin/settings/{key}',
  operationId: 'getSetting',
  summary: 'Get a system setting',
  request: { params: SettingKeyParam },
  responses: { 200: { description: 'The setting', content: jsonContent(SystemSetting) } },
});

const put = operation({
  method: 'put',
  path: '/admin/settings/{key}',
  operationId: 'putSetting',
  summary: 'Create or replace a system setting',
  description:
    'Upsert by key. Answers `201` with `Location` when the key is new, `200` when an existing setting was replaced. ' +
    '`updated_by` becomes the caller. A key must match `^[a-z][a-z0-9_.-]{0,99}$`; any other key is `400`.',
  request: { params: SettingKeyParam, body: { content: jsonContent(SystemSettingWrite), required: true } },
  responses: {
    200: { description: 'Replaced', content: jsonContent(SystemSetting) },
    201: { description: 'Created', content: jsonContent(SystemSetting) },
  },
});

export const settingsRouter = newRouter()
  .openapi(list, async (c) => c.json(await listSettings(c.var.db, c.req.valid('query')), 200))
  .openapi(get, async (c) => c.json(await getSetting(c.var.db, c.req.valid('param').key), 200))
  .openapi(
    put,
    async (c) => {
      const { key } = c.req.valid('param');
      const { setting, created } = await putSetting(c.var.db, key, c.req.valid('json'));
      if (!created) return c.json(setting, 200);
      c.header('location', `/api/v1/admin/settings/${key}`);
      return c.json(setting, 201);
    },
    (result, c) => {
      // A malformed key on a write is the 400 putSetting gives, not the usual 404 of a path parameter.
      if (!result.success && result.target === 'param') settingKeyOf(c.req.param('key') ?? '');
      validationHook(result, c as never);
      return undefined;
    },
  );
