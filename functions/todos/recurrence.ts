import { sql } from 'drizzle-orm';
import type { Database } from '../database/types.ts';

/**
 * Recurring todos. A completed todo with a `recurrence_pattern` gets one next occurrence:
 * a new pending todo due one step (day, week, month, year) after the completed one's due
 * date, or after its completion when it had none. Title, description, priority, category,
 * tags, trip, budget, reminder (moved by the same step), pattern and metadata are copied,
 * and its subtasks are copied unticked. A monthly todo due on the 31st moves to the 30th or
 * 28th and stays there.
 *
 * `todos.next_occurrence_id` on the completed todo records that it has had its occurrence
 * (a column users cannot write, migration 0011): deleting the occurrence does not bring it
 * back, reopening and completing the todo again does not make a second one, and a
 * cancelled todo ends its series.
 */

export interface CreatedOccurrences {
  todos: number;
  subtasks: number;
}

/**
 * Gives up to `limit` completed recurring todos (oldest completion first) their next
 * occurrence, in one statement: the occurrences, their subtasks and the marks on the
 * completed todos. Rows another run is handling are skipped, so concurrent runs never
 * make an occurrence twice. Works across users: PAM's own work, run as service_role.
 */
export async function createNextTodoOccurrences(db: Database, limit: number): Promise<CreatedOccurrences> {
  const result = await db.execute(sql`
    with source as (
      select t.*, gen_random_uuid() as next_id,
             case t.recurrence_pattern
               when 'daily' then interval '1 day'
               when 'weekly' then interval '7 days'
               when 'monthly' then interval '1 month'
               when 'yearly' then interval '1 year'
             end as step
        from public.todos t
       where t.status = 'completed' and t.recurrence_pattern is not null and t.next_occurrence_id is null
       order by t.completed_at, t.id
       limit ${limit}
       for update of t skip locked
    ), created as (
      insert into public.todos (id, user_id, title, description, priority, category, due_date, reminder_at,
                                trip_id, budget_id, tags, recurrence_pattern, metadata)
      select s.next_id, s.user_id, s.title, s.description, s.priority, s.category,
             coalesce(s.due_date, s.completed_at, now()) + s.step, s.reminder_at + s.step,
             s.trip_id, s.budget_id, s.tags, s.recurrence_pattern,
             s.metadata || jsonb_build_object('recurrence_source_id', s.id)
        from source s
      returning id
    ), subtasks as (
      insert into public.todo_subtasks (todo_id, title, position)
      select s.next_id, st.title, st.position
        from source s join public.todo_subtasks st on st.todo_id = s.id
      returning id
    ), marked as (
      update public.todos t set next_occurrence_id = s.next_id from source s where t.id = s.id
      returning t.id
    )
    select (select count(*) from created)::int as todos, (select count(*) from subtasks)::int as subtasks`);
  const [row] = (result as unknown as { rows: CreatedOccurrences[] }).rows;
  return row;
}
