const WORD_OR_SYMBOL = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
const IDEOGRAPHIC = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/gu;

/**
 * Tokens as a model's tokenizer would count them, estimated without shipping one: a run
 * of letters or digits costs one token per four characters (rounded up), an ideograph or
 * a punctuation mark one each. It overestimates ordinary English (where most words are a
 * single token), so what is measured with it stays within a budget rather than over it:
 * knowledge chunks, and the conversation history PAM sends a model.
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const piece of text.match(WORD_OR_SYMBOL) ?? []) {
    const ideographs = piece.match(IDEOGRAPHIC)?.length ?? 0;
    tokens += ideographs + Math.ceil((piece.length - ideographs) / 4);
  }
  return tokens;
}
