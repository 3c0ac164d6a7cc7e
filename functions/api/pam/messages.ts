import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../errors.ts';
import { executionContextOf } from '../../execution-context.ts';
import { embedderFromEnv } from '../../knowledge/configured-embedder.ts';
import { jsonContent, newRouter } from '../../openapi.ts';
import { Message } from '../../pam/conversations.ts';
import { providerFromConfig } from '../../pam/providers/index.ts';
import { pamTools } from '../../pam/tools/index.ts';
import { sendMessage, turnLimitsFrom, type TurnEvent, type TurnOutcome } from '../../pam/turn.ts';
import { IdParam } from '../../shapes.ts';
import { operationsOf } from '../operation.ts';

export const MAX_MESSAGE_CHARS = 8_000;

const MessageInput = z
  .object({
    content: z.string().trim().min(1).max(MAX_MESSAGE_CHARS),
    client_message_id: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .openapi({
        description:
          'Your own id for this message, unique in the conversation: sending it again returns the first turn (or waits for it) instead of a second reply',
        example: 'c1f6f0a2-4d0e-4b8e-9d52-0d4b3b1e7a11',
      }),
  })
  .openapi('PamMessageInput');

const Turn = z
  .object({ user_message: Message, assistant_message: Message.nullable() })
  .openapi('PamTurn', { description: 'The stored user message and PAM\'s stored reply (null while a duplicate send is still being answered)' });

const operation = operationsOf('PAM');

const send = operation({
  method: 'post',
  path: '/pam/conversations/{id}/messages',
  operationId: 'sendMessage',
  transaction: false,
  summary: 'Send PAM a message and get the reply, streamed or whole',
  description: [
    'With `Accept: text/event-stream` the turn streams as server-sent events as it happens, each with `id` and `seq`:',
    '`start` (before the model is asked), `delta` (text), `tool_call`, `tool_result`, then `error` (when the model failed or a limit',
    'was reached) and `done` with the stored reply. Otherwise the answer is the stored turn as JSON.',
    'Both messages are stored whatever happens; a client that disconnects finds the reply in the conversation.',
  ].join(' '),
  request: { params: IdParam, body: { content: jsonContent(MessageInput), required: true } },
  problems: [409, 429, 504],
  responses: {
    200: {
      description: 'The turn',
      content: {
        'application/json': { schema: Turn },
        'text/event-stream': { schema: z.string().openapi({ description: 'Server-sent events, see above' }) },
      },
    },
  },
});

export const messagesRouter = newRouter().openapi(send, async (c) => {
  const turn = startTurn(c, c.req.valid('param').id, c.req.valid('json'));
  await turn.started;
  if (/\btext\/event-stream\b/.test(c.req.header('accept') ?? '')) {
    return streamSSE(c, async (stream) => {
      let seq = 0;
      const write = (event: TurnEvent) =>
        stream.writeSSE({ event: event.event, id: String(++seq), data: JSON.stringify({ seq, ...event.data }) }).catch(() => {});
      let written = Promise.resolve();
      turn.listen((event) => {
        written = written.then(() => write(event));
      });
      await turn.finished.catch(() => {});
      await written;
    }) as never;
  }
  const outcome = await turn.finished;
  const failure = outcome.reply?.metadata?.error as { code: string } | undefined;
  if (failure?.code === 'turn_timeout') {
    throw new ApiError('upstream_timeout', `PAM took too long; your message and what arrived of the reply are stored (reply ${outcome.reply!.id}).`);
  }
  if (failure?.code.startsWith('provider_')) {
    throw new ApiError('bad_gateway', `The assistant service failed; your message and what arrived of the reply are stored (reply ${outcome.reply!.id}).`, {
      headers: { 'retry-after': '5' },
    });
  }
  return c.json({ user_message: outcome.question, assistant_message: outcome.reply }, 200);
});

/**
 * Runs the turn independently of the response: a client that disconnects does not stop
 * it (on Workers it continues under waitUntil), and events are kept until a listener
 * takes them. `started` settles at the first event, or fails with what went wrong before
 * it (404, 429, ...), so those are answered as problems rather than as a stream.
 */
function startTurn(c: Context<AppEnv>, conversationId: string, body: z.infer<typeof MessageInput>) {
  const buffered: TurnEvent[] = [];
  let listener: ((event: TurnEvent) => void) | null = null;
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const finished: Promise<TurnOutcome> = sendMessage(
    {
      connect: c.var.connectDatabase,
      config: c.env,
      caller: c.var.caller!,
      provider: providerFromConfig(c.env),
      tools: pamTools,
      affiliateId: c.env.DIGISTORE24_AFFILIATE_ID,
      embedder: embedderFromEnv(c.env),
      limits: turnLimitsFrom(c.env as unknown as Record<string, unknown>),
    },
    { conversationId, content: body.content, clientMessageId: body.client_message_id },
    (event) => {
      markStarted();
      if (listener) listener(event);
      else buffered.push(event);
    },
  );
  // Outside Workers (Node) there is no execution context; the promise runs to its end anyway.
  executionContextOf(c)?.waitUntil(finished.catch(() => {}));
  return {
    started: Promise.race([started, finished.then(() => undefined)]),
    finished,
    listen(next: (event: TurnEvent) => void) {
      for (const event of buffered.splice(0)) next(event);
      listener = next;
    },
  };
}
