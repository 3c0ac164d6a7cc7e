import { estimateTokens } from '../tokens.ts';
import { formatTodayLine, isValidTimeZone } from './dates.ts';
import type { ChatMessage } from './providers/types.ts';

/** What one turn knows before it calls the model, all of it loaded in one round trip. */
export interface TurnContext {
  profile: { full_name: string | null; location: Record<string, unknown> | null; preferences: Record<string, unknown> } | null;
  /** What the client said about where the user is in the app. */
  clientContext: Record<string, unknown> | null;
  /** Earlier messages of the conversation, oldest first. */
  history: { role: 'user' | 'assistant'; content: string }[];
  /** What PAM raised by itself since the user last heard from it. */
  notices: { kind: string; title: string; body: string }[];
}

export function timezoneOf(profile: TurnContext['profile']): string {
  const zone = profile?.preferences?.timezone;
  return typeof zone === 'string' && isValidTimeZone(zone) ? zone : 'UTC';
}

const CONTEXT_LIMIT_CHARS = 2000;

export function systemPrompt(context: TurnContext, now: Date): string {
  const lines = [
    'You are PAM, a personal assistant for people on the road: todos, budgets and expenses, vehicles and their upkeep, trips, the shop.',
    "Act on the user's own data with the tools; never invent amounts, dates or records. Keep answers short and concrete.",
    'Before anything that others would see (posting publicly), ask the user to confirm.',
    formatTodayLine(now, timezoneOf(context.profile)),
  ];
  const name = context.profile?.full_name;
  if (name) lines.push(`The user's name: ${name}.`);
  const location = context.profile?.location;
  const place = location && [location.city, location.state, location.country].filter((part) => typeof part === 'string').join(', ');
  if (place) lines.push(`Home base: ${place}.`);
  if (context.clientContext && Object.keys(context.clientContext).length > 0) {
    lines.push(`Where the user is in the app: ${JSON.stringify(context.clientContext).slice(0, CONTEXT_LIMIT_CHARS)}`);
  }
  if (context.notices.length > 0) {
    lines.push('Raised by you since the user last heard from you (mention what matters, briefly):');
    for (const notice of context.notices) lines.push(`- ${notice.title}: ${notice.body}`);
  }
  return lines.join('\n');
}

/**
 * The messages a model sees: the system prompt, as much history as fits `historyTokens`
 * (newest kept, never half a message), and the new message.
 */
export function promptMessages(context: TurnContext, userText: string, now: Date, historyTokens: number): ChatMessage[] {
  const kept: ChatMessage[] = [];
  let budget = historyTokens;
  for (let i = context.history.length - 1; i >= 0; i--) {
    const message = context.history[i];
    const cost = estimateTokens(message.content) + 4;
    if (cost > budget) break;
    budget -= cost;
    kept.unshift({ role: message.role, content: message.content });
  }
  // Providers expect a conversation to start with the user.
  while (kept[0]?.role === 'assistant') kept.shift();
  return [{ role: 'system', content: systemPrompt(context, now) }, ...kept, { role: 'user', content: userText }];
}
