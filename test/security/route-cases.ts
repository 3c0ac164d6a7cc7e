import type { ApiUser, TestApi } from '../support/app.ts';

/**
 * How the shared security suite exercises each route. Every route in the OpenAPI
 * document needs an entry in one of the files of ./cases/ (each exports `cases`), or the
 * suite fails: a new route cannot skip it.
 */
export interface RouteSecurityCase {
  /** Reachable without a token (public data only). */
  public?: boolean;
  /** Routes with path params: create the owner's rows and name them, plus a valid body to send. */
  foreignRow?: (api: TestApi, owner: ApiUser) => Promise<{ params: Record<string, string>; body?: unknown }>;
  /** List routes: create the owner's rows and return their ids, which no one else may see. */
  foreignList?: (api: TestApi, owner: ApiUser) => Promise<string[]>;
  /** Routes that act on the caller themselves (/me): nothing of another user to point at. */
  selfOnly?: true;
  /** Routes only administrators may call: everyone else gets 403. */
  adminOnly?: true;
  /** A valid body for routes that take one (so a 401 is about the token, not the body). */
  body?: unknown;
}

/** Creates a resource as `owner` through the API and returns it. */
export async function created(api: TestApi, owner: ApiUser, path: string, body: unknown): Promise<{ id: string } & Record<string, unknown>> {
  const response = await api.request(path, { method: 'POST', token: owner.token, json: body });
  if (response.status !== 201) throw new Error(`arranging ${path} failed: ${response.status} ${await response.text()}`);
  return response.json();
}

const caseModules = import.meta.glob<{ cases: Record<string, RouteSecurityCase> }>('./cases/*.ts', { eager: true });

export const routeSecurityCases: Record<string, RouteSecurityCase> = Object.assign(
  {},
  ...Object.values(caseModules).map((module) => module.cases),
);
