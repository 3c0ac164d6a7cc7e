import { legacyRouter } from '../legacy-router.ts';
import { meRouter } from '../me.ts';
import { sessionsRouter } from '../sessions.ts';

/** The caller's own account: profile, export, deletion, sessions. */
export const accountRouters = [legacyRouter(meRouter, 'user'), legacyRouter(sessionsRouter, 'user')];
