import { z } from '@hono/zod-openapi';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../database/types.ts';
import { FlagSeverity, type ModerationRuleSettings } from './settings.ts';

/**
 * Automated flags on new and edited posts and comments. Each rule looks at the content
 * and may flag it; the flags are stored with the content, and a high-severity one puts
 * the content in the moderation queue (the database does that, migration 0016). The rules'
 * settings live in system_settings (`community.moderation_rules`).
 *
 * The rule set is the extension point: a classifier (an AI model behind an HTTP API, say)
 * is one more ModerationRule in the list, returning its findings as flags.
 */

export const AutomatedFlag = z
  .object({
    rule: z.string().openapi({ example: 'repeated_text' }),
    severity: FlagSeverity,
    detail: z.string(),
  })
  .openapi('AutomatedFlag');
export type AutomatedFlag = z.infer<typeof AutomatedFlag>;

export interface ContentUnderReview {
  kind: 'post' | 'comment';
  /** The body: what repeats are compared on. */
  content: string;
  /** A post's title, read with the body by the other rules. */
  title?: string | null;
  /** For an edit: the row itself, which is no repeat of itself. */
  id?: string;
}

export interface ReviewContext {
  /** The author's transaction: the rules read what the author may read. */
  db: Database;
  settings: ModerationRuleSettings;
}

export interface ModerationRule {
  readonly name: string;
  review(content: ContentUnderReview, context: ReviewContext): Promise<AutomatedFlag[]>;
}

const fullText = (content: ContentUnderReview) => [content.title, content.content].filter(Boolean).join('\n');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A word or phrase matched whole, in any case, however much space separates its words. */
const wholeWords = (phrase: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])${phrase.normalize('NFKC').trim().split(/\s+/).map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`,
    'iu',
  );

/** Words and phrases from the list. */
export const blockedWords: ModerationRule = {
  name: 'blocked_words',
  async review(content, { settings }) {
    const { words, severity } = settings.blocked_words;
    const text = fullText(content).normalize('NFKC');
    const found = words.filter((word) => wholeWords(word).test(text));
    return found.length > 0 ? [{ rule: this.name, severity, detail: `contains ${found.map((w) => `"${w}"`).join(', ')}` }] : [];
  },
};

const LINK = /\bhttps?:\/\/\S+|\bwww\.[^\s.]+\.\S+/gi;

/** Links from an account younger than the setting: the shape most spam takes. */
export const linksFromNewAccounts: ModerationRule = {
  name: 'links_from_new_accounts',
  async review(content, { db, settings }) {
    const links = fullText(content).match(LINK) ?? [];
    if (links.length === 0) return [];
    const result = await db.execute(
      sql`select extract(epoch from now() - p.created_at) / 3600 as hours from public.profiles p where p.id = auth.uid()`,
    );
    const [author] = (result as unknown as { rows: { hours: string | number }[] }).rows;
    const { account_age_hours, severity } = settings.links_from_new_accounts;
    if (!author || Number(author.hours) >= account_age_hours) return [];
    return [
      {
        rule: this.name,
        severity,
        detail: `${links.length} link${links.length > 1 ? 's' : ''} from an account ${Math.floor(Number(author.hours))} h old`,
      },
    ];
  },
};

/** Mostly capital letters, over enough letters to tell. */
export const shouting: ModerationRule = {
  name: 'shouting',
  async review(content, { settings }) {
    const text = fullText(content);
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
    const { min_letters, uppercase_share, severity } = settings.shouting;
    if (letters < min_letters || capitals / letters < uppercase_share) return [];
    return [{ rule: this.name, severity, detail: `${Math.round((100 * capitals) / letters)}% capital letters` }];
  },
};

/** The same text from the same author, in a post or a comment, within the last minutes. */
export const repeatedText: ModerationRule = {
  name: 'repeated_text',
  async review(content, { db, settings }) {
    const { window_minutes, severity } = settings.repeated_text;
    if (window_minutes <= 0) return [];
    const since = sql`now() - make_interval(secs => ${window_minutes * 60})`;
    const normalized = (text: SQL) => sql`lower(regexp_replace(btrim(${text}), '\\s+', ' ', 'g'))`;
    const same = (column: SQL) => sql`${normalized(column)} = ${normalized(sql`${content.content}::text`)}`;
    const other = content.id ?? null;
    const result = await db.execute(sql`
      select exists (select 1 from public.posts p
                      where p.author_id = auth.uid() and p.created_at > ${since}
                        and p.id is distinct from ${other}::uuid and ${same(sql`p.content`)})
          or exists (select 1 from public.comments c
                      where c.author_id = auth.uid() and c.created_at > ${since}
                        and c.id is distinct from ${other}::uuid and ${same(sql`c.content`)}) as repeated`);
    const [{ repeated }] = (result as unknown as { rows: { repeated: boolean }[] }).rows;
    return repeated ? [{ rule: this.name, severity, detail: `posted before within ${window_minutes} minutes` }] : [];
  },
};

export const builtInRules: readonly ModerationRule[] = [blockedWords, linksFromNewAccounts, shouting, repeatedText];

/** Every flag the rules find, in rule order. Rules run one after another: they share the author's transaction. */
export async function flagContent(
  db: Database,
  content: ContentUnderReview,
  settings: ModerationRuleSettings,
  rules: readonly ModerationRule[] = builtInRules,
): Promise<AutomatedFlag[]> {
  const flags: AutomatedFlag[] = [];
  for (const rule of rules) flags.push(...(await rule.review(content, { db, settings })));
  return flags;
}
