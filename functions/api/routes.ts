import { meRouter } from './me.ts';
import { sessionsRouter } from './sessions.ts';
import { subtasksRouter } from './subtasks.ts';
import { todosRouter } from './todos.ts';

/** Every resource served under /api/v1, one router per resource module. */
export const apiRouters = [
  meRouter,
  sessionsRouter,
  todosRouter,
  subtasksRouter,
];
