import { clockAt, parseTodayLine, type UserClock } from '../dates.ts';
import { answerFromOutcomes, type ToolOutcome } from './local-answers.ts';
import { type Command, interpretCommand } from './local-commands.ts';
import { isObject } from './transport.ts';
import type { ChatMessage, ChatProvider, ChatRequest, ProviderEvent, ToolCall } from './types.ts';

/**
 * PAM without a language model: a provider that understands a documented set of plain
 * commands (LOCAL_COMMANDS.md) and answers through the same tools and the same loop as
 * a real model, so a fresh checkout shows a whole turn with no account or key. A user
 * sentence becomes one tool call; once the loop sends the tool's result back, the
 * provider reads it and says what happened.
 *
 * "Today" and the user's timezone come from the system prompt's `Today:` line (see
 * functions/pam/dates.ts); without one, the provider uses the current UTC date.
 */

export const LOCAL_MODEL = 'pam-local-commands';

export const HELP_TEXT = `I'm PAM running offline: no language model is configured, so I understand a set of plain commands. Try:
- "add a todo: buy 20 litres of water" (or "todo: ...", "add ... to my todos")
- "remind me to rotate the tyres next Friday" (also tomorrow at 5pm, on 12 March, in 3 days)
- "what are my todos" / "done: buy water" / "mark buy water as done"
- "I spent $64.50 on diesel in Broken Hill" / "paid $30 for camping at Mundi Mundi yesterday"
- "how much is left in my fuel budget?" / "how's my budget"
- "how much did I spend this month" (or last week, by category)
- "what maintenance is due?" / "what's due in the next 30 days"
- "plan a trip from Adelaide to Perth next month" / "my trips"
- "find a water filter in the shop"
- "what did my notes say about the Nullarbor water stops?"
With PAM_PROVIDER and PAM_API_KEY set, a language model answers instead and understands anything.`;

const UNKNOWN_TEXT =
  "Sorry, I didn't catch that. Without a language model I only understand a few plain commands, like " +
  '"add a todo: buy water", "I spent $20 on fuel" or "what maintenance is due?". Say "help" to see them all.';

/** What the tools do, for saying that one is not available. */
const TOOL_PURPOSES: Record<string, string> = {
  create_todo: 'add todos',
  list_todos: 'list your todos',
  complete_todo: 'complete todos',
  log_expense: 'log expenses',
  budget_status: 'check budgets',
  expense_summary: 'summarise spending',
  upcoming_maintenance: 'check maintenance',
  list_trips: 'list trips',
  create_trip: 'plan trips',
  search_products: 'search the shop',
  search_knowledge: 'search your notes',
};

export class LocalCommandProvider implements ChatProvider {
  readonly name = 'local';
  readonly model = LOCAL_MODEL;
  readonly #now: () => Date;

  /** `now` stands in for the clock when the system prompt carries no `Today:` line. */
  constructor(options: { now?: () => Date } = {}) {
    this.#now = options.now ?? (() => new Date());
  }

  async *stream(request: ChatRequest): AsyncGenerator<ProviderEvent> {
    const { signal } = request;
    signal?.throwIfAborted();
    const clock = clockOf(request.messages, this.#now());
    const last = request.messages.at(-1);

    if (last?.role === 'tool') {
      yield* streamText(answerFromOutcomes(pendingOutcomes(request.messages), clock), signal);
      yield { type: 'finish', reason: 'stop' };
      return;
    }

    const command: Command = last?.role === 'user' ? interpretCommand(last.content, clock) : { kind: 'unknown' };
    if (command.kind === 'tool') {
      if (request.tools.some((t) => t.name === command.name)) {
        const call: ToolCall = {
          id: `call_${crypto.randomUUID()}`,
          name: command.name,
          arguments: JSON.stringify(command.arguments),
        };
        yield { type: 'tool_call', call };
        yield { type: 'finish', reason: 'tool_calls' };
        return;
      }
      yield* streamText(once(`I can't ${TOOL_PURPOSES[command.name] ?? 'do that'} here: that tool isn't available.`), signal);
      yield { type: 'finish', reason: 'stop' };
      return;
    }

    yield* streamText(once(replyTo(command)), signal);
    yield { type: 'finish', reason: 'stop' };
  }
}

function replyTo(command: Exclude<Command, { kind: 'tool' }>): string {
  switch (command.kind) {
    case 'help':
      return HELP_TEXT;
    case 'greeting':
      return 'Hi! I\'m PAM. Tell me what to note down, like "add a todo: check the tyre pressures", or say "help" to see what I understand.';
    case 'thanks':
      return "You're welcome. Safe travels!";
    case 'clarify':
      return command.question;
    case 'unknown':
      return UNKNOWN_TEXT;
  }
}

function* once(text: string): Generator<string> {
  yield text;
}

function clockOf(messages: ChatMessage[], now: Date): UserClock {
  for (const message of messages) {
    if (message.role !== 'system') continue;
    const clock = parseTodayLine(message.content);
    if (clock) return clock;
  }
  return clockAt(now);
}

/** The results of the latest assistant turn's tool calls, with the arguments each call was made with. */
function pendingOutcomes(messages: ChatMessage[]): ToolOutcome[] {
  let start = messages.length;
  while (start > 0 && messages[start - 1].role === 'tool') start--;
  const asking = messages[start - 1];
  const calls = new Map((asking?.role === 'assistant' ? (asking.tool_calls ?? []) : []).map((c) => [c.id, c]));
  return messages.slice(start).flatMap((message) => {
    if (message.role !== 'tool') return [];
    const call = calls.get(message.tool_call_id);
    return [{ name: message.name || call?.name || '', arguments: parsedArguments(call), content: message.content }];
  });
}

function parsedArguments(call: ToolCall | undefined): Record<string, unknown> {
  if (!call) return {};
  try {
    const parsed: unknown = JSON.parse(call.arguments);
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/**
 * Text as token-sized deltas (a word with the space before it), each sent as soon as
 * the composer has produced it.
 */
async function* streamText(pieces: Iterable<string>, signal: AbortSignal | undefined): AsyncGenerator<ProviderEvent> {
  for (const piece of pieces) {
    for (const token of piece.match(/\s*\S+|\s+$/g) ?? []) {
      signal?.throwIfAborted();
      yield { type: 'text', delta: token };
    }
  }
}
