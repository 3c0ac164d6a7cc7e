import { meRouter } from './me.ts';
import { sessionsRouter } from './sessions.ts';

/** The caller's own account: profile, export, deletion, sessions. */
export const accountRouters = [meRouter, sessionsRouter];
