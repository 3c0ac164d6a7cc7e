import { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { contentModeration } from '../../db/schema/index.ts';
import { keysetPage, type Page, type PageQuery } from '../database/pagination.ts';
import type { Database } from '../database/types.ts';
import { Timestamp, Uuid } from '../shapes.ts';
import { takeRateLimit } from './rate-limits.ts';
import { communitySettings } from './settings.ts';

/**
 * Reports: a user flags a post, comment, profile or group they can see, with a reason.
 * The database records the reporter, the author, the content as it stood and its group
 * (migration 0016); the reporter names only the content and the reason. One pending
 * report per reporter and content: reporting again finds the first one.
 */

export const ContentType = z.enum(['post', 'comment', 'profile', 'group']);
export type ContentType = z.infer<typeof ContentType>;
export const ReportReason = z.enum(['spam', 'harassment', 'hate', 'sexual', 'violence', 'illegal', 'scam', 'off_topic', 'other']);
export const ReportStatus = z.enum(['pending', 'approved', 'rejected', 'removed']).openapi({
  description:
    '`pending` awaits review; `approved`: the content may stay; `rejected`: the report is unfounded and the content stays; ' +
    '`removed`: the content was taken down',
});

export const Report = z
  .object({
    id: Uuid,
    content_type: ContentType,
    content_id: Uuid,
    flagged_reason: ReportReason,
    additional_context: z.string().nullable(),
    status: ReportStatus,
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Report');
export type Report = z.infer<typeof Report>;

export const ReportInput = z
  .object({
    content_type: ContentType,
    content_id: Uuid,
    flagged_reason: ReportReason,
    additional_context: z.string().trim().max(2000).nullable().optional().openapi({ description: 'Required when the reason is `other`' }),
  })
  .superRefine((report, context) => {
    if (report.flagged_reason === 'other' && !report.additional_context) {
      context.addIssue({ code: 'custom', path: ['additional_context'], message: 'say what is wrong when the reason is `other`' });
    }
  })
  .openapi('ReportCreate');
export type ReportInput = z.infer<typeof ReportInput>;

/** What a reporter reads back: their report, not the moderators' record of it. */
const reportColumns = {
  id: contentModeration.id,
  content_type: contentModeration.content_type,
  content_id: contentModeration.content_id,
  flagged_reason: contentModeration.flagged_reason,
  additional_context: contentModeration.additional_context,
  status: contentModeration.status,
  created_at: contentModeration.created_at,
  updated_at: contentModeration.updated_at,
};

const filedByCaller = eq(contentModeration.reporter_id, sql`auth.uid()`);

/**
 * Limited per user (`community.rate_limit.report`). Content the caller cannot see, or
 * their own, cannot be reported (400, as for any reference to something that is not
 * there). Says whether this made a new report.
 */
export async function reportContent(db: Database, input: ReportInput): Promise<{ report: Report; created: boolean }> {
  await takeRateLimit(db, 'report', await communitySettings(db));
  const { content_type, content_id, flagged_reason, additional_context } = input;
  const [created] = await db
    .insert(contentModeration)
    .values({ content_type, content_id, flagged_reason, additional_context })
    .onConflictDoNothing()
    .returning(reportColumns);
  if (created) return { report: created as Report, created: true };
  const [pending] = await db
    .select(reportColumns)
    .from(contentModeration)
    .where(
      and(
        filedByCaller,
        eq(contentModeration.content_type, content_type),
        eq(contentModeration.content_id, content_id),
        eq(contentModeration.status, 'pending'),
      ),
    );
  return { report: pending as Report, created: false };
}

/** The reports the caller filed, newest first (moderators read theirs through the queues). */
export async function listReports(db: Database, page: PageQuery): Promise<Page<Report>> {
  const { cursor, limit } = page;
  const { created_at: time, id: key } = contentModeration;
  return keysetPage<Report>(db, contentModeration, { columns: reportColumns, where: [filedByCaller], time, key, direction: 'desc', cursor, limit });
}
