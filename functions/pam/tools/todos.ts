import { z } from '@hono/zod-openapi';
import { notFound } from '../../errors.ts';
import { completeTodo, createTodo, findOpenTodo, listTodos, TodoInput, TodoPriority, TodoStatus } from '../../todos/todos.ts';
import { defineTool } from './tool.ts';

const brief = (todo: { id: string; title: string; status: string; priority: string; due_date: string | null; reminder_at: string | null }) => ({
  id: todo.id,
  title: todo.title,
  status: todo.status,
  priority: todo.priority,
  due_date: todo.due_date,
  reminder_at: todo.reminder_at,
});

export const createTodoTool = defineTool({
  name: 'create_todo',
  description: 'Add a todo for the user. For "remind me", set reminder_at (and due_date) from what they said.',
  args: z.object({
    title: z.string().describe('What to do, in a few words'),
    due_date: z.string().optional().describe('ISO 8601 date-time with offset'),
    reminder_at: z.string().optional().describe('ISO 8601 date-time with offset'),
    priority: TodoPriority.optional(),
    description: z.string().optional(),
  }),
  run: async (db, args) => brief(await createTodo(db, TodoInput.parse(args))),
});

export const listTodosTool = defineTool({
  name: 'list_todos',
  description: "List the user's todos, newest first.",
  args: z.object({
    status: TodoStatus.optional(),
    limit: z.number().int().min(1).max(50).optional(),
  }),
  run: async (db, args) => {
    const page = await listTodos(db, { status: args.status, limit: args.limit ?? 20 });
    return { todos: page.data.map(brief), more: page.next_cursor !== null };
  },
});

export const completeTodoTool = defineTool({
  name: 'complete_todo',
  description: 'Mark one of the user\'s open todos done, by id or by (part of) its title.',
  args: z
    .object({ id: z.uuid().optional(), title: z.string().min(1).optional() })
    .refine((args) => args.id || args.title, 'give the id or the title'),
  run: async (db, args) => {
    const id = args.id ?? (await findOpenTodo(db, args.title!))?.id;
    if (!id) throw notFound(`open todo matching "${args.title}"`);
    return brief(await completeTodo(db, id));
  },
});
