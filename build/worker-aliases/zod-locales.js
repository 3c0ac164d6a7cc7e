// Stands in for zod's locales index in the Worker bundle (wrangler.toml [alias]). zod's
// `z` namespace re-exports every locale, about 260 KB minified that no request uses:
// PAM's validation messages are English, which zod registers by default.
export { default as en } from 'zod/v4/locales/en.js';
