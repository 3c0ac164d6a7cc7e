import { AccountExport, exportAccount } from '../../account/export.ts';
import { deleteAccount, getProfile, Profile, ProfileChanges, updateProfile } from '../../account/profile.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { operationsOf } from '../operation.ts';

const operation = operationsOf('Account');

const get = operation({
  method: 'get',
  path: '/me',
  operationId: 'getProfile',
  oneStatement: true,
  summary: 'Your profile',
  description: 'Created from the token on your first authenticated request.',
  responses: { 200: { description: 'Your profile', content: jsonContent(Profile) } },
});

const update = operation({
  method: 'patch',
  path: '/me',
  operationId: 'updateProfile',
  oneStatement: true,
  summary: 'Update your profile',
  request: { body: { content: jsonContent(ProfileChanges), required: true } },
  responses: { 200: { description: 'Your updated profile', content: jsonContent(Profile) } },
});

const remove = operation({
  method: 'delete',
  path: '/me',
  operationId: 'deleteAccount',
  summary: 'Delete your account and everything you own',
  responses: { 204: { description: 'Deleted' } },
});

const exportAll = operation({
  method: 'get',
  path: '/me/export',
  operationId: 'exportAccount',
  summary: 'Everything you own, as one JSON document',
  responses: { 200: { description: 'Your data', content: jsonContent(AccountExport) } },
});

export const meRouter = newRouter()
  .openapi(get, async (c) => c.json(await getProfile(c.var.db), 200))
  .openapi(update, async (c) => c.json(await updateProfile(c.var.db, c.req.valid('json')), 200))
  .openapi(remove, async (c) => {
    await deleteAccount(c.var.db);
    return c.body(null, 204);
  })
  .openapi(exportAll, async (c) => {
    const document = await exportAccount(c.var.db);
    c.header('content-disposition', 'attachment; filename="pam-export.json"');
    return c.json(document, 200);
  });
