import { z } from '@hono/zod-openapi';
import { isNull, sql } from 'drizzle-orm';
import { pamNotices } from '../../db/schema/index.ts';
import { listPage, PageQuery } from '../database/pagination.ts';
import { updateOr404 } from '../database/rows.ts';
import type { Database } from '../database/types.ts';
import { JsonObject, QueryBoolean, Timestamp, Uuid } from '../shapes.ts';

/**
 * PAM speaks first: what came due turns into notices, once each (their dedupe key is
 * unique per user). The app lists them (GET /api/v1/pam/notices) beside PAM's messages,
 * and PAM mentions the ones the user has not seen in its next reply.
 */

export const Notice = z
  .object({
    id: Uuid,
    user_id: Uuid,
    kind: z.enum(['todo_reminder', 'maintenance_due', 'budget_threshold']),
    title: z.string(),
    body: z.string(),
    data: JsonObject.openapi({ description: 'What the notice is about: todo_id, maintenance_id, budget_category_id, ...' }),
    created_at: Timestamp,
    read_at: Timestamp.nullable(),
    mentioned_at: Timestamp.nullable().openapi({ description: 'When PAM mentioned it in a reply' }),
  })
  .openapi('PamNotice');

export const NoticeFilters = PageQuery.extend({
  unread: QueryBoolean.optional().openapi({ description: '`true`: only notices not read yet' }),
});
export type NoticeFilters = z.infer<typeof NoticeFilters>;

export const NoticeChanges = z.object({ read: z.boolean() }).openapi('PamNoticeUpdate');

export const listNotices = (db: Database, filters: NoticeFilters) =>
  listPage(db, pamNotices, [filters.unread ? isNull(pamNotices.read_at) : undefined], filters);

export const markNotice = (db: Database, id: string, { read }: z.infer<typeof NoticeChanges>) =>
  updateOr404(db, pamNotices, id, { read_at: read ? sql`coalesce(read_at, now())` : null } as never, 'notice');

/** Fractions of a budget category's allocation at which PAM speaks up. */
const BUDGET_THRESHOLDS = [0.8, 1] as const;
/** Maintenance due within this many days is worth a word. */
const MAINTENANCE_NOTICE_DAYS = 7;

export interface RaisedNotices {
  todo_reminder: number;
  maintenance_due: number;
  budget_threshold: number;
}

/**
 * Turns what is due into notices, for every user: reminders whose time has passed,
 * maintenance due within a week, budget categories crossing 80% and 100%. Runs as
 * service_role (the scheduled job); running it again raises nothing twice.
 */
export async function raiseDueNotices(db: Database): Promise<RaisedNotices> {
  const reminders = await db.execute(sql`
    with zones as (select name from pg_catalog.pg_timezone_names)
    insert into public.pam_notices (user_id, kind, dedupe_key, title, body, data)
    select t.user_id, 'todo_reminder', 'todo:' || t.id || ':' || t.reminder_at,
           'Reminder: ' || left(t.title, 200),
           'You asked to be reminded: ' || left(t.title, 200) ||
             coalesce(' (due ' || to_char(t.due_date at time zone coalesce(z.name, 'UTC'), 'YYYY-MM-DD HH24:MI') ||
                      ' ' || coalesce(z.name, 'UTC') || ')', '') || '.',
           jsonb_build_object('todo_id', t.id, 'reminder_at', t.reminder_at, 'due_date', t.due_date)
      from public.todos t
      join public.profiles p on p.id = t.user_id
      -- The due time as the user's clock shows it: the time zone in their preferences
      -- when Postgres knows it (anything else there must not fail everyone's notices), else UTC.
      left join zones z on z.name = p.preferences ->> 'timezone'
     where t.reminder_at <= now() and t.status not in ('completed', 'cancelled')
    on conflict (user_id, dedupe_key) do nothing`);

  const maintenance = await db.execute(sql`
    insert into public.pam_notices (user_id, kind, dedupe_key, title, body, data)
    select v.user_id, 'maintenance_due', 'maintenance:' || m.id || ':' || m.next_service_date,
           -- Only the first letter raised: the user's own capitals (LPG, AdBlue) stay as written.
           upper(left(replace(m.maintenance_type, '_', ' '), 1)) || substr(replace(m.maintenance_type, '_', ' '), 2)
             || ' due for the ' || v.make || ' ' || v.model,
           case when m.next_service_date < current_date
                then 'It was due on ' || m.next_service_date || '.'
                else 'It is due on ' || m.next_service_date || '.' end,
           jsonb_build_object('maintenance_id', m.id, 'vehicle_id', v.id, 'next_service_date', m.next_service_date)
      from public.vehicle_maintenance m
      join public.vehicles v on v.id = m.vehicle_id and v.is_active
     where m.next_service_date <= current_date + ${MAINTENANCE_NOTICE_DAYS}::int
       -- Only the latest record of a service counts: logging it again settles the older one.
       and not exists (select 1 from public.vehicle_maintenance later
                        where later.vehicle_id = m.vehicle_id
                          and lower(later.maintenance_type) = lower(m.maintenance_type)
                          and (later.service_date, later.created_at) > (m.service_date, m.created_at))
    on conflict (user_id, dedupe_key) do nothing`);

  let budget = 0;
  for (const threshold of BUDGET_THRESHOLDS) {
    const percent = Math.round(threshold * 100);
    const result = await db.execute(sql`
      insert into public.pam_notices (user_id, kind, dedupe_key, title, body, data)
      select b.user_id, 'budget_threshold', 'budget:' || c.id || ':' || b.start_date || ':' || ${percent}::int,
             c.name || ' budget ' || case when ${percent}::int >= 100 then 'used up' else 'at ' || ${percent}::int || '%' end,
             'You have spent ' || c.spent_amount || ' of ' || c.allocated_amount || ' ' || b.currency ||
               ' in ' || c.name || ' (' || b.name || ').',
             jsonb_build_object('budget_id', b.id, 'budget_category_id', c.id, 'threshold', ${percent}::int,
                                'spent_amount', c.spent_amount, 'allocated_amount', c.allocated_amount)
        from public.budget_categories c
        join public.budgets b on b.id = c.budget_id and b.is_active
       where c.is_active and c.allocated_amount > 0
         and c.spent_amount >= c.allocated_amount * ${threshold}
      on conflict (user_id, dedupe_key) do nothing`);
    budget += affectedRows(result);
  }
  return { todo_reminder: affectedRows(reminders), maintenance_due: affectedRows(maintenance), budget_threshold: budget };
}

function affectedRows(result: unknown): number {
  const { rowCount, affectedRows: affected } = result as { rowCount?: number | null; affectedRows?: number };
  return rowCount ?? affected ?? 0;
}
