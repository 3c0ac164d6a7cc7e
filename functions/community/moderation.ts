import { z } from '@hono/zod-openapi';
import { and, eq, getTableColumns, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { contentModeration } from '../../db/schema/index.ts';
import { keysetPage, listOf, type Page, PageQuery } from '../database/pagination.ts';
import type { Database } from '../database/types.ts';
import { notFound } from '../errors.ts';
import { Timestamp, Uuid } from '../shapes.ts';
import { AutomatedFlag } from './automated-flags.ts';
import { requireGroupRole } from './groups.ts';
import { ContentType, ReportReason, ReportStatus } from './reports.ts';

/**
 * The moderation queues: every report for administrators (inside the admin scope that
 * /api/v1/admin opens), and the reports on a group's posts and comments for that group's
 * moderators and admins. A decision settles every pending report on the same content;
 * the database makes the content follow it (`removed` deactivates it, any decision
 * releases a hold) and records it in the audit log (migration 0016).
 */

export const ReportedContent = z
  .object({
    text: z.string().nullable(),
    is_active: z.boolean(),
    hidden: z.boolean().openapi({ description: 'Held from view while enough reports await review' }),
  })
  .openapi('ReportedContent');

export const ModerationReport = z
  .object({
    id: Uuid,
    content_type: ContentType,
    content_id: Uuid,
    content_text: z.string().nullable().openapi({ description: 'The content as it stood when reported (not kept for profiles)' }),
    author_id: Uuid.nullable(),
    author_email: z.string().nullable(),
    reporter_id: Uuid.nullable().openapi({ description: 'Null for a report the moderation rules made' }),
    group_id: Uuid.nullable(),
    flagged_reason: z.enum([...ReportReason.options, 'automated']),
    additional_context: z.string().nullable(),
    status: ReportStatus,
    moderator_id: Uuid.nullable(),
    moderator_notes: z.string().nullable(),
    automated_flags: z.array(AutomatedFlag).nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
    content: ReportedContent.nullable().openapi({
      description: 'The content as it is now, as far as the caller may see it (administrators see removed content); null once gone',
    }),
  })
  .openapi('ModerationReport');
export type ModerationReport = z.infer<typeof ModerationReport>;

/** One list shape for both queues (the administrators' and a group's). */
export const ModerationReportList = listOf(ModerationReport, 'ModerationReportList');

export const ModerationDecision = z
  .object({
    status: z.enum(['approved', 'rejected', 'removed']),
    moderator_notes: z.string().trim().max(2000).nullable().optional(),
  })
  .openapi('ModerationDecision');
export type ModerationDecision = z.infer<typeof ModerationDecision>;

export const ModerationFilters = PageQuery.extend({
  status: ReportStatus.optional(),
  content_type: ContentType.optional(),
});
export type ModerationFilters = z.infer<typeof ModerationFilters>;

export const GroupReportParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The group' }),
  report_id: z.uuid().openapi({ param: { name: 'report_id', in: 'path' } }),
});

const m = contentModeration;

/** The content as the caller may see it now, read under their rights. */
const currentContent = sql<ModerationReport['content']>`case ${m.content_type}
  when 'post' then (select jsonb_build_object('text', concat_ws(E'\n\n', p.title, p.content), 'is_active', p.is_active,
                                              'hidden', p.hidden_at is not null)
                      from public.posts p where p.id = ${m.content_id})
  when 'comment' then (select jsonb_build_object('text', c.content, 'is_active', c.is_active, 'hidden', c.hidden_at is not null)
                         from public.comments c where c.id = ${m.content_id})
  when 'group' then (select jsonb_build_object('text', concat_ws(E'\n\n', g.name, g.description), 'is_active', g.is_active, 'hidden', false)
                       from public.social_groups g where g.id = ${m.content_id})
  when 'profile' then (select jsonb_build_object('text', concat_ws(E'\n\n', pr.full_name, pr.bio), 'is_active', pr.is_active,
                                                 'hidden', false)
                         from public.profiles pr where pr.id = ${m.content_id})
end`;

const moderationColumns = { ...getTableColumns(m), content: currentContent };

/** Oldest first: the queue is worked in the order reports came in. */
async function queuePage(db: Database, conditions: (SQL | undefined)[], filters: ModerationFilters): Promise<Page<ModerationReport>> {
  const where = [
    ...conditions,
    filters.status ? eq(m.status, filters.status) : undefined,
    filters.content_type ? eq(m.content_type, filters.content_type) : undefined,
  ];
  const { cursor, limit } = filters;
  return keysetPage<ModerationReport>(db, m, { columns: moderationColumns, where, time: m.created_at, key: m.id, direction: 'asc', cursor, limit });
}

async function getModerationReport(db: Database, id: string): Promise<ModerationReport> {
  const [report] = await db.select(moderationColumns).from(m).where(eq(m.id, id));
  if (!report) throw notFound('report');
  return report as ModerationReport;
}

/** Decides one report and every other pending report on the same content, as far as the caller may. */
async function decide(db: Database, id: string, decision: ModerationDecision, also?: SQL): Promise<ModerationReport> {
  const changes = {
    status: decision.status,
    ...(decision.moderator_notes !== undefined && { moderator_notes: decision.moderator_notes }),
  };
  const [report] = await db
    .update(m)
    .set(changes)
    .where(and(eq(m.id, id), also))
    .returning({ content_type: m.content_type, content_id: m.content_id });
  if (!report) throw notFound('report');
  await db
    .update(m)
    .set(changes)
    .where(and(eq(m.content_type, report.content_type), eq(m.content_id, report.content_id), eq(m.status, 'pending'), ne(m.id, id)));
  return getModerationReport(db, id);
}

/** Every report, oldest first (administrators, in the admin scope). */
export const listModerationQueue = (db: Database, filters: ModerationFilters) => queuePage(db, [], filters);

/** An administrator's decision on a report. */
export const moderateReport = (db: Database, id: string, decision: ModerationDecision) => decide(db, id, decision);

const postsAndComments = inArray(m.content_type, ['post', 'comment']);

/** Reports on a group's posts and comments, oldest first: for its moderators and admins (403 for other members). */
export async function listGroupReports(db: Database, groupId: string, filters: ModerationFilters): Promise<Page<ModerationReport>> {
  await requireGroupRole(db, groupId, ['moderator', 'admin'], 'review reports');
  return queuePage(db, [eq(m.group_id, groupId), postsAndComments], filters);
}

/** A group moderator's or admin's decision on a report about their group's post or comment. */
export async function moderateGroupReport(
  db: Database,
  groupId: string,
  reportId: string,
  decision: ModerationDecision,
): Promise<ModerationReport> {
  await requireGroupRole(db, groupId, ['moderator', 'admin'], 'decide reports');
  return decide(db, reportId, decision, and(eq(m.group_id, groupId), postsAndComments));
}
