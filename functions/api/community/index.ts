import { blocksRouter } from './blocks.ts';
import { commentsRouter } from './comments.ts';
import { groupReportsRouter } from './group-reports.ts';
import { groupsRouter } from './groups.ts';
import { membersRouter } from './members.ts';
import { postsRouter } from './posts.ts';
import { reportsRouter } from './reports.ts';

/** The community: groups and their members, posts, comments and likes, blocks, reports and group moderation. */
export const communityRouters = [
  groupsRouter,
  membersRouter,
  postsRouter,
  commentsRouter,
  blocksRouter,
  reportsRouter,
  groupReportsRouter,
];
