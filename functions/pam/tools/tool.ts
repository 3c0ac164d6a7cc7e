import { z } from '@hono/zod-openapi';
import type { Database } from '../../database/types.ts';
import type { Embedder } from '../../knowledge/embedder.ts';
import { ApiError } from '../../errors.ts';
import type { ToolDefinition } from '../providers/types.ts';

/** What a tool knows of the turn it runs in, beyond its arguments. */
export interface ToolContext {
  /** The user's timezone (IANA name), for dates the user spoke of. */
  timezone: string;
  now: Date;
  /** Who is shopping, for product links that attribute a sale to them. */
  shopper: { userId: string | null; affiliateId: string | undefined };
  /** How a question becomes a vector, for knowledge search. */
  embedder: Embedder;
}

/**
 * One of PAM's tools: a zod schema for its arguments and a call into the domain layer.
 * It runs in a transaction of its own under the user's claims, so row-level security
 * applies exactly as on the routes. Descriptions are short: they are sent with every turn.
 */
export interface PamTool<Args extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  args: Args;
  /** Writes something other people can see: PAM must ask the user first. */
  public?: boolean;
  run(db: Database, args: z.output<Args>, context: ToolContext): Promise<unknown>;
}

export const defineTool = <Args extends z.ZodType>(tool: PamTool<Args>): PamTool<Args> => tool;

const definitions = new WeakMap<PamTool, ToolDefinition>();

/**
 * The tool as a provider sees it: name, description, and the JSON Schema of its
 * arguments. A tool's schema never changes, so it is converted once per isolate rather
 * than on every turn.
 */
export function toolDefinition(tool: PamTool): ToolDefinition {
  let definition = definitions.get(tool);
  if (!definition) {
    const { $schema: _, ...parameters } = z.toJSONSchema(tool.args, { io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    definition = { name: tool.name, description: tool.description, parameters };
    definitions.set(tool, definition);
  }
  return definition;
}

/** What goes back to the model when a call cannot run: never a crash, always something it can correct. */
export interface ToolFailure {
  error: string;
  fields?: { path: string; message: string }[];
}

export type ToolOutcome = { ok: true; result: unknown } | { ok: false; failure: ToolFailure };

/** Parses the model's argument text against the tool's schema. */
export function parseToolArguments(tool: PamTool, text: string): ToolOutcome & { args?: unknown } {
  const raw = argumentsJson(text);
  if (raw === NOT_JSON) return { ok: false, failure: { error: 'The arguments are not valid JSON.' } };
  const parsed = tool.args.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      failure: {
        error: 'The arguments do not fit the tool.',
        fields: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(arguments)', message: issue.message })),
      },
    };
  }
  return { ok: true, result: null, args: parsed.data };
}

const NOT_JSON = Symbol('not JSON');

/** A tool call's argument text as a value: blank means no arguments ({}); NOT_JSON when it is not JSON. */
function argumentsJson(text: string): unknown {
  try {
    return text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** Arguments as a client should see them: the value, or the raw text when it is not JSON. */
export function readableArguments(text: string): unknown {
  const value = argumentsJson(text);
  return value === NOT_JSON ? text : value;
}

/** A domain error as the model should read it; anything else is not the model's to see. */
export function toolFailureOf(error: unknown): ToolFailure | null {
  if (error instanceof z.ZodError) {
    return {
      error: 'The values do not fit.',
      fields: error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  if (!(error instanceof ApiError)) return null;
  if (error.status >= 500) return null;
  return { error: error.detail, ...(error.options.errors ? { fields: error.options.errors } : {}) };
}
