// Stands in for z.fromJSONSchema in the Worker bundle (wrangler.toml [alias]): PAM builds
// JSON Schema from its zod schemas (PAM's tools), never zod schemas from JSON Schema.
export function fromJSONSchema() {
  throw new Error("zod's fromJSONSchema is not part of the Worker");
}
