// What an app built on the client does: sign in, add todos, page through them, and handle
// a problem PAM answers. The package's tests compile this file and run it against PAM.
import { createPamClient, pages, PamProblemError, unwrap, type AccessToken, type Schemas } from '../src/index.js';

export interface TourReport {
  signedInAs: string;
  /** Titles in the order the pages listed them (newest first). */
  listed: string[];
  pageSizes: number[];
  /** What the app learnt from asking for a todo that does not exist. */
  notFound: { status: number; title: string; requestId: string };
  /** What the app learnt from sending a todo without a title. */
  invalid: { status: number; fields: string[] };
}

export async function todoTour(baseUrl: string, accessToken: AccessToken, titles: string[]): Promise<TourReport> {
  const pam = createPamClient({ baseUrl, accessToken });

  // The first request of a new user creates their profile.
  const { data: me, error: signInProblem, response } = await pam.GET('/api/v1/me');
  if (signInProblem) throw new PamProblemError(signInProblem, response);

  for (const title of titles) {
    const todo: Schemas['TodoCreate'] = { title, priority: 'high', tags: ['road'] };
    const { error } = await pam.POST('/api/v1/todos', { body: todo });
    if (error) throw new Error(`Could not add "${title}": ${error.detail}`);
  }

  const listed: string[] = [];
  const pageSizes: number[] = [];
  for await (const todos of pages((cursor) => pam.GET('/api/v1/todos', { params: { query: { limit: 2, cursor } } }))) {
    pageSizes.push(todos.length);
    listed.push(...todos.map((todo: Schemas['Todo']) => todo.title));
  }

  const missing = await pam.GET('/api/v1/todos/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
  if (!missing.error) throw new Error('A todo that does not exist was found.');

  let invalid: TourReport['invalid'];
  try {
    // A form the user left empty: the call is well-typed, PAM refuses the value.
    await unwrap(pam.POST('/api/v1/todos', { body: { title: '' } }));
    throw new Error('A todo without a title was accepted.');
  } catch (error) {
    if (!(error instanceof PamProblemError)) throw error;
    invalid = { status: error.status, fields: (error.problem.errors ?? []).map((field) => field.path) };
  }

  return {
    signedInAs: me.email,
    listed,
    pageSizes,
    notFound: { status: missing.error.status, title: missing.error.title, requestId: missing.error.request_id },
    invalid,
  };
}
