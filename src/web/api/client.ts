/**
 * The browser's one client for the Palermo API, generated from docs/openapi.json: `generated/api-schema.d.ts` is written by
 * openapi-typescript (`npm run api:types`; a test fails when it is stale) and openapi-fetch makes the typed
 * calls. One middleware does what every call needs: JSON, the CSRF header on state-changing requests, and
 * errors as ApiError (the UI's error type, see web/components/errors.ts).
 *
 * Adding a call: add the route (with its `response:` schema) on the server, run `npm run openapi` and
 * `npm run api:types`, then call it by its path — the path, parameters, body and answer are all checked:
 *
 *   const draft = await ok(api.GET('/api/v1/drafting/drafts/{id}', { params: { path: { id } }, signal }));
 *   await ok(api.POST('/api/v1/inbox/{id}/read', { params: { path: { id } } }));
 *
 * `ok` gives the answer's data (undefined for a 204) or throws the ApiError. Types of answers are named in
 * `components['schemas']` (see types.ts for the short names the pages use).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../../generated/api-schema.d.ts';

export interface ApiIssue {
  path: string;
  message: string;
  code?: string;
}

/** An error answer of the API, or a network failure (status 0, code "network"). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The session's CSRF token. The server gives it with GET /api/v1/me (and the login's answer, which has the same
 * shape); the middleware remembers it from those answers and forgets it at logout, so no page handles it.
 */
let csrfToken: string | null = null;
const SESSION_PATHS = new Set(['/api/v1/me', '/api/v1/auth/login']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function errorOf(response: Response): Promise<ApiError> {
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    return new ApiError(response.status, 'bad_response', `Unexpected response (HTTP ${response.status})`);
  }
  const err = (data as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null)?.error;
  return new ApiError(
    response.status,
    typeof err?.code === 'string' ? err.code : `http_${response.status}`,
    typeof err?.message === 'string' ? err.message : `HTTP ${response.status}`,
    Array.isArray(err?.issues) ? (err.issues as ApiIssue[]) : [],
  );
}

/** JSON, CSRF and errors for every call (the one middleware). */
export const apiMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept', 'application/json');
    if (csrfToken && !SAFE_METHODS.has(request.method)) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  async onResponse({ request, response, schemaPath }) {
    if (!response.ok) {
      if (response.status === 401) csrfToken = null;
      throw await errorOf(response);
    }
    if (SESSION_PATHS.has(schemaPath)) {
      const me = (await response.clone().json()) as { csrfToken?: string };
      csrfToken = me.csrfToken ?? null;
    } else if (schemaPath === '/api/v1/auth/logout' && request.method === 'POST') {
      csrfToken = null;
    }
    return response;
  },
  onError({ error }) {
    // fetch itself failed (offline, DNS, connection refused); an abort stays an AbortError for the caller
    if (error instanceof DOMException && error.name === 'AbortError') return error;
    if (error instanceof ApiError) return error;
    return new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  },
};

/** Leaves out empty values, as the API's forms do (an empty filter is no filter). */
function querySerializer(query: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return q.toString();
}

export function createApiClient(opts: { baseUrl?: string; fetch?: (request: Request) => Promise<Response> } = {}) {
  const client = createClient<paths>({
    baseUrl: opts.baseUrl ?? (typeof location === 'undefined' ? '' : location.origin),
    credentials: 'same-origin',
    querySerializer,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  client.use(apiMiddleware);
  return client;
}

/** The client the pages use (same origin). */
export const api = createApiClient();

/** The data of a successful call (the middleware has already turned any failure into an ApiError). */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const r = await call;
  if (r.error !== undefined) throw await errorOf(r.response);
  return r.data as T;
}

/** For tests: the token the middleware holds. */
export const currentCsrfToken = () => csrfToken;
