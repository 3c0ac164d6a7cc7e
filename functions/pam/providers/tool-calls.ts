import { isObject } from './transport.ts';
import type { ToolCall } from './types.ts';

/**
 * Puts streamed tool calls back together. OpenAI-style streams send a call as fragments
 * tagged with its `index`: the first carries the id and name (and often `""` as the
 * first piece of the arguments), the rest carry further pieces of the arguments' JSON
 * text. Servers that speak the format loosely send whole calls without an index, repeat
 * the id or name on every fragment, or give the arguments as an object; Workers AI's
 * native form is `{ name, arguments }`. All of them end up as one complete ToolCall each,
 * in the order the model made them.
 */
export class ToolCallAccumulator {
  readonly #calls = new Map<number, { id: string; name: string; arguments: string }>();
  readonly #indexById = new Map<string, number>();
  #lastIndex: number | undefined;

  get size(): number {
    return this.#calls.size;
  }

  add(fragment: unknown): void {
    if (!isObject(fragment)) return;
    const fn = isObject(fragment.function) ? fragment.function : fragment;
    const id = typeof fragment.id === 'string' && fragment.id ? fragment.id : undefined;
    const name = typeof fn.name === 'string' && fn.name ? fn.name : undefined;
    const args = fn.arguments;
    const index = this.#indexFor(fragment.index, id, name);
    // Some servers close a call with an all-null fragment; it carries nothing.
    if (index === undefined) return;

    let call = this.#calls.get(index);
    if (!call) {
      call = { id: '', name: '', arguments: '' };
      this.#calls.set(index, call);
    }
    this.#lastIndex = index;
    if (id && !call.id) {
      call.id = id;
      this.#indexById.set(id, index);
    }
    if (name && !call.name) call.name = name;
    if (typeof args === 'string') call.arguments += args;
    else if (isObject(args) || Array.isArray(args)) call.arguments = JSON.stringify(args);
  }

  #indexFor(index: unknown, id: string | undefined, name: string | undefined): number | undefined {
    if (typeof index === 'number' && Number.isInteger(index)) return index;
    if (id && this.#indexById.has(id)) return this.#indexById.get(id);
    if (id || name) return this.#calls.size === 0 ? 0 : Math.max(...this.#calls.keys()) + 1;
    return this.#lastIndex;
  }

  /** The calls so far, complete: arguments `{}` when none came, an id made up when the server sent none. */
  complete(): ToolCall[] {
    return [...this.#calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, call]) => ({
        id: call.id || `call_${crypto.randomUUID()}`,
        name: call.name,
        arguments: call.arguments.trim() === '' ? '{}' : call.arguments,
      }));
  }
}
