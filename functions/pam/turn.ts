import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { pamMessages, pamNotices } from '../../db/schema/index.ts';
import { withCaller } from '../database/transactions.ts';
import type { Embedder } from '../knowledge/embedder.ts';
import { localEmbedder } from '../knowledge/local-embedder.ts';
import type { ConnectDatabase, Database, DatabaseConfig } from '../database/types.ts';
import type { Caller } from '../env.ts';
import { ApiError } from '../errors.ts';
import { findTurn, type Message } from './conversations.ts';
import { promptMessages, type TurnContext, timezoneOf } from './prompt.ts';
import type { ChatMessage, ChatProvider, ToolCall } from './providers/types.ts';
import { ProviderError } from './providers/types.ts';
import {
  parseToolArguments,
  readableArguments,
  type PamTool,
  type ToolContext,
  type ToolFailure,
  toolDefinition,
  toolFailureOf,
} from './tools/tool.ts';

/**
 * One turn of a conversation with PAM: store the user's message, ask the model, run the
 * tools it calls, store the reply. No transaction stays open while the model thinks:
 * the message is stored and the context loaded in one short transaction, each tool call
 * runs in its own under the user's claims, and the reply is stored in another.
 */

export interface TurnLimits {
  /** Model calls per turn; the last round may not call tools any more. */
  maxToolRounds: number;
  /** The whole turn, provider calls and tools included. */
  turnTimeoutMs: number;
  historyTokens: number;
  maxOutputTokens: number;
  /** Messages per user per window (a rate limit that protects the provider bill). */
  messagesPerWindow: number;
  windowSeconds: number;
  /** How long a duplicate send waits for the first one's reply. */
  duplicateWaitMs: number;
}

export const defaultTurnLimits: TurnLimits = {
  maxToolRounds: 4,
  turnTimeoutMs: 60_000,
  historyTokens: 3_000,
  maxOutputTokens: 1_024,
  messagesPerWindow: 30,
  windowSeconds: 300,
  duplicateWaitMs: 30_000,
};

/**
 * The limits, adjustable per deployment: PAM_MESSAGES_PER_WINDOW and
 * PAM_RATE_WINDOW_SECONDS (the per-user rate limit), PAM_MAX_TOOL_ROUNDS,
 * PAM_TURN_TIMEOUT_MS, PAM_HISTORY_TOKENS. Unset or unusable values keep the defaults.
 */
export function turnLimitsFrom(config: Record<string, unknown>): TurnLimits {
  const positive = (name: string, fallback: number) => {
    const value = Number(config[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    ...defaultTurnLimits,
    messagesPerWindow: positive('PAM_MESSAGES_PER_WINDOW', defaultTurnLimits.messagesPerWindow),
    windowSeconds: positive('PAM_RATE_WINDOW_SECONDS', defaultTurnLimits.windowSeconds),
    maxToolRounds: positive('PAM_MAX_TOOL_ROUNDS', defaultTurnLimits.maxToolRounds),
    turnTimeoutMs: positive('PAM_TURN_TIMEOUT_MS', defaultTurnLimits.turnTimeoutMs),
    historyTokens: positive('PAM_HISTORY_TOKENS', defaultTurnLimits.historyTokens),
  };
}

export interface TurnDependencies {
  connect: ConnectDatabase;
  config: DatabaseConfig;
  caller: Caller;
  provider: ChatProvider;
  tools: PamTool[];
  limits: TurnLimits;
  /** PAM's Digistore24 affiliate id, for product links in tool results. */
  affiliateId?: string;
  /** For knowledge search: the configured embeddings API, or the offline embedder. */
  embedder?: Embedder;
  now?: () => Date;
}

export interface TurnRequest {
  conversationId: string;
  content: string;
  clientMessageId?: string;
}

/** What a client sees of a turn as it happens, in order; `seq` numbers them from 1. */
export type TurnEvent =
  | { event: 'start'; data: { conversation_id: string; user_message_id: string; model: string; replayed: boolean } }
  | { event: 'delta'; data: { text: string } }
  | { event: 'tool_call'; data: { id: string; name: string; arguments: unknown } }
  | { event: 'tool_result'; data: { id: string; name: string; ok: boolean; result?: unknown; error?: ToolFailure } }
  | { event: 'done'; data: { message: Message } }
  | { event: 'error'; data: { code: string; message: string; message_id: string | null } };

export type TurnEventSink = (event: TurnEvent) => void;

export interface TurnOutcome {
  question: Message;
  reply: Message | null;
}

interface ToolRecord {
  id: string;
  name: string;
  arguments: unknown;
  ok: boolean;
  result?: unknown;
  error?: ToolFailure;
}

export async function sendMessage(deps: TurnDependencies, request: TurnRequest, emit: TurnEventSink): Promise<TurnOutcome> {
  const now = deps.now?.() ?? new Date();
  const act = <T>(work: (db: Database) => Promise<T>) => withCaller(deps.connect, deps.config, deps.caller, work);

  const begun = await act((db) => beginTurn(db, request, deps.limits));
  if (begun.kind === 'duplicate') return replayTurn(deps, request, begun.question, emit);

  const { question, context } = begun;
  emit({
    event: 'start',
    data: { conversation_id: request.conversationId, user_message_id: question.id, model: deps.provider.model, replayed: false },
  });

  const started = Date.now();
  let firstTokenAt: number | null = null;
  let text = '';
  let status: Message['status'] = 'complete';
  let failure: { code: string; message: string } | null = null;
  const usage = { input_tokens: 0, output_tokens: 0 };
  const toolRecords: ToolRecord[] = [];
  const deadline = AbortSignal.timeout(deps.limits.turnTimeoutMs);
  const toolsByName = new Map(deps.tools.map((tool) => [tool.name, tool]));
  const definitions = deps.tools.map(toolDefinition);
  const messages: ChatMessage[] = promptMessages(context, request.content, now, deps.limits.historyTokens);
  const toolContext = {
    timezone: timezoneOf(context.profile),
    now,
    shopper: { userId: deps.caller.userId, affiliateId: deps.affiliateId },
    embedder: deps.embedder ?? localEmbedder,
  };

  try {
    for (let round = 1; ; round++) {
      const calls: ToolCall[] = [];
      let roundText = '';
      const lastRound = round >= deps.limits.maxToolRounds;
      // The last round is meant to answer, not to call tools; but once the conversation
      // holds tool calls some providers (Anthropic) refuse a request without the tools'
      // definitions, so they are withdrawn only when none was called yet.
      const offered = lastRound && toolRecords.length === 0 ? [] : definitions;
      for await (const event of deps.provider.stream({
        messages,
        tools: offered,
        signal: deadline,
        maxOutputTokens: deps.limits.maxOutputTokens,
      })) {
        if (event.type === 'text') {
          firstTokenAt ??= Date.now();
          roundText += event.delta;
          text += event.delta;
          emit({ event: 'delta', data: { text: event.delta } });
        } else if (event.type === 'tool_call') {
          firstTokenAt ??= Date.now();
          calls.push(event.call);
          emit({ event: 'tool_call', data: { id: event.call.id, name: event.call.name, arguments: readableArguments(event.call.arguments) } });
        } else if (event.type === 'usage') {
          usage.input_tokens += event.inputTokens;
          usage.output_tokens += event.outputTokens;
        }
      }
      if (calls.length === 0) break;
      if (lastRound) {
        status = 'interrupted';
        break;
      }
      messages.push({ role: 'assistant', content: roundText, tool_calls: calls });
      for (const call of calls) {
        const record = await runToolCall(act, toolsByName.get(call.name), call, toolContext);
        toolRecords.push(record);
        emit({
          event: 'tool_result',
          data: { id: record.id, name: record.name, ok: record.ok, ...(record.ok ? { result: record.result } : { error: record.error }) },
        });
        messages.push({
          role: 'tool',
          tool_call_id: call.id,
          name: call.name,
          content: JSON.stringify(record.ok ? record.result : record.error),
        });
      }
    }
  } catch (error) {
    status = deadline.aborted ? 'interrupted' : 'failed';
    failure = describeFailure(error, deadline.aborted);
  }
  if (status === 'interrupted' && !failure) {
    failure = { code: 'tool_rounds_exhausted', message: 'PAM stopped after the most tool rounds one reply may take.' };
  }

  const metadata = {
    provider: deps.provider.name,
    model: deps.provider.model,
    usage,
    latency_ms: Date.now() - started,
    time_to_first_token_ms: firstTokenAt === null ? null : firstTokenAt - started,
    tool_calls: toolRecords,
    ...(failure ? { error: failure } : {}),
  };
  let reply: Message;
  try {
    // Notices count as mentioned only when the reply that carried them reached the user whole.
    const mentioned = status === 'complete' ? begun.noticeIds : [];
    reply = await act((db) => storeReply(db, question, text, status, metadata, mentioned));
  } catch (error) {
    emit({ event: 'error', data: { code: 'reply_not_stored', message: 'The reply could not be stored. Send the message again to get it.', message_id: null } });
    throw error;
  }
  if (failure) emit({ event: 'error', data: { ...failure, message_id: reply.id } });
  emit({ event: 'done', data: { message: reply } });
  return { question, reply };
}

type BegunTurn =
  | { kind: 'new'; question: Message; context: TurnContext; noticeIds: string[] }
  | { kind: 'duplicate'; question: Message };

/** Stores the user's message and loads everything the prompt needs, in one statement. */
async function beginTurn(db: Database, request: TurnRequest, limits: TurnLimits): Promise<BegunTurn> {
  const title = request.content.replace(/\s+/g, ' ').trim().slice(0, 80);
  const result = await db.execute(sql`
    with conversation as (
      select id, context from public.pam_conversations where id = ${request.conversationId}
    ), question as (
      insert into public.pam_messages (conversation_id, role, content, client_message_id)
      select id, 'user', ${request.content}, ${request.clientMessageId ?? null} from conversation
      on conflict (conversation_id, client_message_id) where client_message_id is not null do nothing
      returning id
    ), titled as (
      update public.pam_conversations set title = ${title}
       where id = (select id from conversation) and title is null and exists (select 1 from question)
      returning id
    ), history as (
      select role, content, created_at, id from public.pam_messages
       where conversation_id = ${request.conversationId} and role in ('user', 'assistant') and content <> ''
       order by created_at desc, id desc
       limit 200
    ), notices as (
      select id, kind, title, body from public.pam_notices
       where read_at is null and mentioned_at is null
       order by created_at desc
       limit 5
    )
    select exists (select 1 from conversation) as visible,
           (select id from question) as question_id,
           (select context from conversation) as client_context,
           coalesce((select jsonb_agg(jsonb_build_object('role', role, 'content', content) order by created_at, id) from history), '[]') as history,
           (select jsonb_build_object('full_name', p.full_name, 'location', p.location, 'preferences', p.preferences)
              from public.profiles p where p.id = auth.uid()) as profile,
           coalesce((select jsonb_agg(to_jsonb(n)) from notices n), '[]') as notices,
           case when exists (select 1 from question)
                then private.take_rate_limit('pam_messages', ${limits.messagesPerWindow}, ${limits.windowSeconds})
                else 0 end as retry_after,
           (select count(*) from titled)::int as titled`);
  const [row] = (result as unknown as { rows: BeginRow[] }).rows;
  if (!row.visible) throw new ApiError('not_found', 'No such conversation.');
  if (row.retry_after > 0) {
    throw new ApiError('rate_limited', `Too many messages to PAM; try again in ${row.retry_after} s.`, {
      headers: { 'retry-after': String(row.retry_after) },
    });
  }
  if (!row.question_id) {
    // Sent before: the insert found the first one (perhaps still being answered).
    const turn = await findTurn(db, request.conversationId, request.clientMessageId!);
    if (!turn) throw new ApiError('conflict', 'This message is being sent right now; try again shortly.', { headers: { 'retry-after': '1' } });
    return { kind: 'duplicate', question: turn.question };
  }
  const [question] = await db.select().from(pamMessages).where(eq(pamMessages.id, row.question_id));
  return {
    kind: 'new',
    question,
    noticeIds: row.notices.map((notice) => notice.id),
    context: { profile: row.profile, clientContext: row.client_context, history: row.history, notices: row.notices },
  };
}

interface BeginRow {
  visible: boolean;
  question_id: string | null;
  client_context: Record<string, unknown> | null;
  history: TurnContext['history'];
  profile: TurnContext['profile'];
  notices: (TurnContext['notices'][number] & { id: string })[];
  retry_after: number;
}

async function runToolCall(
  act: <T>(work: (db: Database) => Promise<T>) => Promise<T>,
  tool: PamTool | undefined,
  call: ToolCall,
  context: ToolContext,
): Promise<ToolRecord> {
  const base = { id: call.id, name: call.name, arguments: readableArguments(call.arguments) };
  if (!tool) return { ...base, ok: false, error: { error: `There is no tool named ${call.name}.` } };
  const parsed = parseToolArguments(tool, call.arguments);
  if (!parsed.ok) return { ...base, ok: false, error: parsed.failure };
  if (tool.public) {
    return { ...base, ok: false, error: { error: 'This would be visible to others: ask the user to confirm first.' } };
  }
  try {
    const result = await act((db) => tool.run(db, parsed.args, context));
    return { ...base, ok: true, result };
  } catch (error) {
    const failure = toolFailureOf(error);
    if (!failure) throw error;
    return { ...base, ok: false, error: failure };
  }
}

function describeFailure(error: unknown, timedOut: boolean): { code: string; message: string } {
  if (timedOut) return { code: 'turn_timeout', message: 'PAM took too long to answer.' };
  if (error instanceof ProviderError) {
    return { code: `provider_${error.kind}`, message: 'The assistant service failed part-way; what arrived is kept.' };
  }
  if (error instanceof ApiError && error.kind === 'database_unavailable') {
    return { code: 'database_unavailable', message: 'The database could not be reached while PAM was working.' };
  }
  return { code: 'internal', message: 'Something went wrong on our side while PAM was answering.' };
}

async function storeReply(
  db: Database,
  question: Message,
  content: string,
  status: Message['status'],
  metadata: Record<string, unknown>,
  noticeIds: string[],
): Promise<Message> {
  const [reply] = await db
    .insert(pamMessages)
    .values({ conversation_id: question.conversation_id, role: 'assistant', content, status, metadata, reply_to: question.id })
    .returning();
  if (noticeIds.length > 0) {
    await db
      .update(pamNotices)
      .set({ mentioned_at: sql`now()` })
      .where(and(inArray(pamNotices.id, noticeIds), isNull(pamNotices.mentioned_at)));
  }
  return reply;
}

/** A send that was made before: its stored reply, waited for while the first send is still answering. */
async function replayTurn(deps: TurnDependencies, request: TurnRequest, question: Message, emit: TurnEventSink): Promise<TurnOutcome> {
  const waitUntil = Date.now() + deps.limits.duplicateWaitMs;
  let reply: Message | null = null;
  for (let pause = 100; ; pause = Math.min(pause * 2, 1_000)) {
    const turn = await withCaller(deps.connect, deps.config, deps.caller, (db) =>
      findTurn(db, request.conversationId, request.clientMessageId!),
    );
    reply = turn?.reply ?? null;
    if (reply || Date.now() + pause > waitUntil) break;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  emit({ event: 'start', data: { conversation_id: request.conversationId, user_message_id: question.id, model: deps.provider.model, replayed: true } });
  if (!reply) {
    emit({ event: 'error', data: { code: 'still_answering', message: 'This message is still being answered; fetch the conversation shortly.', message_id: null } });
    return { question, reply: null };
  }
  // In the order a live turn sends them: the tools ran before the text that reports on them.
  for (const record of ((reply.metadata?.tool_calls ?? []) as ToolRecord[])) {
    emit({ event: 'tool_call', data: { id: record.id, name: record.name, arguments: record.arguments } });
    emit({ event: 'tool_result', data: { id: record.id, name: record.name, ok: record.ok, ...(record.ok ? { result: record.result } : { error: record.error }) } });
  }
  if (reply.content) emit({ event: 'delta', data: { text: reply.content } });
  const error = reply.metadata?.error as { code: string; message: string } | undefined;
  if (error) emit({ event: 'error', data: { ...error, message_id: reply.id } });
  emit({ event: 'done', data: { message: reply } });
  return { question, reply };
}
