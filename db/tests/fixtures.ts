import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type Actor, actAs, createUser } from '../../test/support/database.ts';
import type { SqlClient } from '../sql-client.ts';

/** One statement and its parameters. */
export interface Statement {
  text: string;
  params: unknown[];
}

/** Builds a statement in which every interpolated value is a parameter, never SQL text. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Statement {
  const text = strings.reduce((built, part, i) => `${built}$${i}${part}`);
  return { text, params: values };
}

export type Row = Record<string, unknown>;

/** What became of a statement: the rows it returned, or the SQLSTATE it was refused with. */
export type Outcome = { rows: Row[] } | { refused: string; message: string };

/** Runs one statement as `actor`, in a transaction of its own, as a request would. */
export async function attemptAs(db: SqlClient, actor: Actor, statement: Statement): Promise<Outcome> {
  try {
    const { rows } = await actAs(db, actor, (tx) => tx.query<Row>(statement.text, statement.params));
    return { rows };
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    return { refused: code ?? 'no SQLSTATE', message };
  }
}

/** A sha256 hex digest, the only shape user_sessions.session_token accepts. */
export function sessionKeyHash(): string {
  return createHash('sha256').update(randomBytes(32)).digest('hex');
}

function uniqueLabel(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

type Owner = { id: string };

/**
 * Arranges rows as the database owner, past RLS: the state a test starts from, with
 * plausible values for every required column. Each builder returns the new row's id.
 */
export function fixtures(db: SqlClient) {
  async function insert(table: string, values: Row): Promise<string> {
    const columns = Object.keys(values);
    const placeholders = columns.map((_, i) => `$${i + 1}`);
    const { rows } = await db.query<{ id: string }>(
      `insert into ${table} (${columns.join(', ')}) values (${placeholders.join(', ')}) returning id`,
      Object.values(values),
    );
    return rows[0].id;
  }

  return {
    /** Someone who takes no part in a test beyond owning a row (a group's founder, say). */
    bystander: () => createUser(db),
    /** An identity without a profile yet: the state private.begin_request starts from. */
    identity: async () => {
      const id = randomUUID();
      await db.query('insert into auth.users (id, email) values ($1, $2)', [id, `${id}@example.com`]);
      return id;
    },
    /** The tombstone public.delete_my_account leaves behind. */
    deletedAccount: async () => {
      const id = randomUUID();
      await db.query('insert into auth.deleted_users (id) values ($1)', [id]);
      return id;
    },
    session: (user: Owner) =>
      insert('public.user_sessions', { user_id: user.id, session_token: sessionKeyHash(), user_agent: 'PAM iOS' }),
    auditEntry: (user: Owner) =>
      insert('public.audit_logs', { user_id: user.id, action: 'UPDATE', table_name: 'profiles', record_id: user.id }),

    vehicle: (user: Owner) =>
      insert('public.vehicles', { user_id: user.id, make: 'Volkswagen', model: 'California', year: 2019 }),
    maintenance: (vehicleId: string) =>
      insert('public.vehicle_maintenance', {
        vehicle_id: vehicleId,
        maintenance_type: 'oil_change',
        service_date: '2024-05-01',
      }),
    trip: (user: Owner, vehicleId: string | null = null) =>
      insert('public.trips', {
        user_id: user.id,
        vehicle_id: vehicleId,
        name: 'Coast road',
        origin: { address: 'Lisbon' },
        destination: { address: 'Porto' },
      }),

    budget: (user: Owner) =>
      insert('public.budgets', { user_id: user.id, name: 'Road year', total_amount: 5000, start_date: '2024-01-01' }),
    budgetCategory: (budgetId: string) =>
      insert('public.budget_categories', { budget_id: budgetId, name: 'Fuel', allocated_amount: 800 }),
    expense: (user: Owner, links: { budgetCategoryId?: string; tripId?: string } = {}) =>
      insert('public.expenses', {
        user_id: user.id,
        amount: 61.4,
        description: 'Diesel',
        category: 'fuel',
        expense_date: '2024-05-02',
        budget_category_id: links.budgetCategoryId ?? null,
        trip_id: links.tripId ?? null,
      }),
    incomeSource: (user: Owner) =>
      insert('public.income_sources', { user_id: user.id, name: 'Freelance', amount: 1200, frequency: 'monthly' }),
    incomeEntry: (user: Owner, incomeSourceId: string | null = null) =>
      insert('public.income_entries', {
        user_id: user.id,
        income_source_id: incomeSourceId,
        amount: 1200,
        income_date: '2024-05-01',
      }),

    todo: (user: Owner, tripId: string | null = null) =>
      insert('public.todos', { user_id: user.id, title: 'Book ferry', trip_id: tripId }),
    subtask: (todoId: string) =>
      insert('public.todo_subtasks', { todo_id: todoId, title: 'Compare prices', position: 0 }),

    /** The creator becomes the group's admin member through the trigger, as in production. */
    group: (creator: Owner, privacyLevel: 'public' | 'private' | 'invite_only') =>
      insert('public.social_groups', {
        creator_id: creator.id,
        name: uniqueLabel(`${privacyLevel} group`),
        privacy_level: privacyLevel,
      }),
    membership: (groupId: string, user: Owner, role: 'member' | 'moderator' | 'admin' = 'member') =>
      insert('public.group_memberships', { group_id: groupId, user_id: user.id, role }),
    post: (author: Owner, placement: { groupId?: string; visibility: 'public' | 'group' | 'private' }) =>
      insert('public.posts', {
        author_id: author.id,
        group_id: placement.groupId ?? null,
        visibility: placement.visibility,
        content: uniqueLabel(`${placement.visibility} post`),
      }),
    like: async (postId: string, user: Owner) => {
      await db.query('insert into public.post_likes (post_id, user_id) values ($1, $2)', [postId, user.id]);
    },
    comment: (postId: string, author: Owner) =>
      insert('public.comments', { post_id: postId, author_id: author.id, content: 'Same here' }),
    block: async (blocker: Owner, blocked: Owner) => {
      await db.query('insert into public.user_blocks (blocker_id, blocked_id) values ($1, $2)', [blocker.id, blocked.id]);
    },
    report: (reporter: Owner, postId: string) =>
      insert('public.content_moderation', {
        content_type: 'post',
        content_id: postId,
        reporter_id: reporter.id,
        flagged_reason: 'spam',
      }),

    conversation: (user: Owner) => insert('public.pam_conversations', { user_id: user.id, title: 'Route planning' }),
    message: (conversationId: string, role: 'user' | 'assistant' = 'user') =>
      insert('public.pam_messages', { conversation_id: conversationId, role, content: 'Where can I park?' }),
    feedback: (user: Owner, messageId: string) =>
      insert('public.pam_message_feedback', { message_id: messageId, user_id: user.id, rating: 'up' }),
    notice: (user: Owner) =>
      insert('public.pam_notices', {
        user_id: user.id,
        kind: 'maintenance_due',
        dedupe_key: `maintenance:${randomUUID()}`,
        title: 'Oil change due',
        body: 'Your oil change is due in 5 days.',
      }),
    knowledge: (user: Owner) =>
      insert('public.user_knowledge', { user_id: user.id, title: 'Van manual', content: 'Tyre pressure 4.5 bar' }),

    product: (options: { active: boolean }) =>
      insert('public.shop_products', {
        name: uniqueLabel('Solar panel'),
        price: 249,
        category: 'power',
        is_active: options.active,
      }),
    wishlistItem: (user: Owner, productId: string) =>
      insert('public.user_wishlists', { user_id: user.id, product_id: productId }),
    affiliateSale: (user: Owner) =>
      insert('public.affiliate_sales', {
        user_id: user.id,
        order_id: uniqueLabel('order'),
        sale_amount: 249,
        commission_amount: 24.9,
      }),
    setting: () => insert('public.system_settings', { setting_key: uniqueLabel('setting'), setting_value: 1 }),
    syncLog: () => insert('public.digistore24_sync_logs', { sync_started_at: '2024-05-01T03:00:00Z' }),
    webhookLog: () =>
      insert('public.digistore24_webhook_logs', { event_type: 'on_payment', request_data: { order_id: 'A1' } }),
  };
}

export type Fixtures = ReturnType<typeof fixtures>;

/** `column = $n and ...` for a row's key, numbering parameters after `offset` others. */
export function whereKey(key: Row, offset = 0): string {
  return Object.keys(key)
    .map((column, i) => `${column} = $${offset + i + 1}`)
    .join(' and ');
}

/** The stored row, read as the owner, or undefined when it is gone. */
export async function storedRow(db: SqlClient, table: string, key: Row): Promise<Row | undefined> {
  const { rows } = await db.query<{ row: Row }>(
    `select to_jsonb(t) as row from ${table} t where ${whereKey(key)}`,
    Object.values(key),
  );
  return rows[0]?.row;
}

export async function storedCount(db: SqlClient, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return rows[0].n;
}
