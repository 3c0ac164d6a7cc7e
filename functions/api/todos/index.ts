import { subtasksRouter } from './subtasks.ts';
import { todosRouter } from './todos.ts';

/** Todos and their subtasks. */
export const todosRouters = [todosRouter, subtasksRouter];
