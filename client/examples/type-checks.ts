// Mistakes the generated types catch at compile time. Never run: each line below must fail
// to compile, so `@ts-expect-error` itself fails the build if the types ever get looser.
import type { PamClient } from '../src/index.js';

export function mistakesTheCompilerCatches(pam: PamClient) {
  // @ts-expect-error: no such route
  void pam.GET('/api/v1/todo');
  // @ts-expect-error: a todo needs a title
  void pam.POST('/api/v1/todos', { body: { priority: 'high' } });
  // @ts-expect-error: priority is one of low, medium, high, urgent
  void pam.POST('/api/v1/todos', { body: { title: 'Fix the awning', priority: 'whenever' } });
  // @ts-expect-error: the page size is a number
  void pam.GET('/api/v1/todos', { params: { query: { limit: '50' } } });
  // @ts-expect-error: the path needs the todo's id
  void pam.GET('/api/v1/todos/{id}', {});
}
