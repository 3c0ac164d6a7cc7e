// Stands in for zod's schema compiler (z.compile) in the Worker bundle (wrangler.toml
// [alias]); PAM validates with the ordinary parser. The names are zod's, so its `z`
// namespace still builds; using them in the Worker fails loudly.
const unavailable = (name) => () => {
  throw new Error(`zod's ${name} is not part of the Worker`);
};

export const INVALID = Symbol.for('zod.compile.invalid');
export class ZodCompileAsyncError extends Error {}
export class ZodCompileUnsupportedError extends Error {}
export const compile = unavailable('compile');
export const withParser = unavailable('withParser');
export const compileFn = unavailable('compileFn');
