import { OpenAPIHono, type Hook, type z } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';
import { ApiError, type FieldError } from './errors.ts';

/** Turns a zod failure on params, query or body into a 400 with one entry per bad field. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || result.target,
    message: issue.message,
  }));
  const kind = result.target === 'param' ? 'not_found' : 'validation_failed';
  if (kind === 'not_found') throw new ApiError('not_found', 'No such resource.');
  throw new ApiError('validation_failed', `The request ${result.target} is not valid.`, { errors });
};

/** Every resource module builds its routes on one of these, so validation behaves the same everywhere. */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

export const jsonContent = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/** Routes under /api/v1 need a bearer token unless they say otherwise. */
export const bearerAuth = [{ bearerAuth: [] }];
