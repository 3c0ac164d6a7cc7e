import { describe, expect, it } from 'vitest';
import { promptMessages, type TurnContext } from './prompt.ts';

const now = new Date('2026-05-04T09:30:00Z');

function conversation(history: TurnContext['history']): TurnContext {
  return { profile: null, clientContext: null, history, notices: [] };
}

describe('the history PAM sends a model', () => {
  it('keeps the newest whole messages that fit the budget, and starts with the user', () => {
    const history: TurnContext['history'] = [
      { role: 'user', content: 'first question '.repeat(20) },
      { role: 'assistant', content: 'first answer '.repeat(20) },
      { role: 'user', content: 'How much fuel did I buy?' },
      { role: 'assistant', content: 'You bought 120 litres this week.' },
    ];
    const messages = promptMessages(conversation(history), 'And last week?', now, 40);
    expect(messages[0].role).toBe('system');
    expect(messages.slice(1)).toEqual([
      { role: 'user', content: 'How much fuel did I buy?' },
      { role: 'assistant', content: 'You bought 120 litres this week.' },
      { role: 'user', content: 'And last week?' },
    ]);
  });

  it('counts ideographs one token each, so Japanese history does not overrun the budget', () => {
    // 120 characters: 30 tokens at four characters a token, 120 as a tokenizer counts them.
    const japanese = '東京から大阪まで車で行きます'.repeat(9).slice(0, 120);
    const history: TurnContext['history'] = [
      { role: 'user', content: japanese },
      { role: 'assistant', content: 'はい' },
    ];
    const within = promptMessages(conversation(history), '次は?', now, 200);
    expect(within.map((m) => m.content)).toContain(japanese);
    const over = promptMessages(conversation(history), '次は?', now, 100);
    expect(over.map((m) => m.content)).not.toContain(japanese);
  });
});
