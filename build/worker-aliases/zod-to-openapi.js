// The Worker's stand-in for @asteasolutions/zod-to-openapi (wrangler.toml [alias]). The
// Worker serves the OpenAPI document its build wrote (scripts/build-openapi.ts), so it needs
// only what @hono/zod-openapi calls while routes are defined: `.openapi()` on schemas, which
// carries documentation and changes nothing in validation, and a registry that keeps nothing.

export function extendZodWithOpenApi(z) {
  if (typeof z.ZodType.prototype.openapi === 'function') return;
  // Assigned, as the real one does: zod copies the prototype's own enumerable methods onto
  // each schema it makes, so a non-enumerable one would not reach them.
  z.ZodType.prototype.openapi = function openapi() {
    return this;
  };
}

export function getOpenApiMetadata() {
  return {};
}

export class OpenAPIRegistry {
  definitions = [];
  register(_refId, schema) {
    return schema;
  }
  registerParameter(_refId, schema) {
    return schema;
  }
  registerPath() {}
  registerWebhook() {}
  registerComponent() {}
}

class NotInTheWorker {
  constructor() {
    throw new Error(
      "The OpenAPI document is built with the Worker (scripts/build-openapi.ts, wrangler.toml [build]) and served from its static assets; the generator is not in the Worker's script.",
    );
  }
}

export class OpenApiGeneratorV3 extends NotInTheWorker {}
export class OpenApiGeneratorV31 extends NotInTheWorker {}
