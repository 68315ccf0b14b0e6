/**
 * Signing in as users and calling the API with their session cookie (and
 * CSRF token), or with API tokens, for access tests.
 */
import type { TestHerald } from './test-herald.js';

/** A signed-in browser, as far as the API can tell. */
export interface SessionClient {
  cookie: string;
  csrfToken: string;
  /** Calls the API with the cookie; writes send the CSRF token unless off. */
  call(
    path: string,
    init?: { method?: string; body?: unknown; csrf?: boolean },
  ): Promise<{ status: number; body: any; headers: Headers }>;
}

/** Test password of every user these helpers create. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates a user with the admin token. */
export async function createTestUser(
  herald: TestHerald,
  email: string,
  role: 'admin' | 'business' | 'agent',
) {
  const created = await herald.api('/api/users', {
    body: { email, role, password: TEST_PASSWORD },
  });
  if (created.status !== 201) {
    throw new Error(`user not created: ${JSON.stringify(created.body)}`);
  }

  return created.body as { id: string; email: string };
}

/** Signs in with an email and password; throws when refused. */
export async function signInAs(
  herald: TestHerald,
  email: string,
  password = TEST_PASSWORD,
): Promise<SessionClient> {
  const response = await fetch(`${herald.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await response.json();
  if (response.status !== 200) {
    throw new Error(`sign-in refused: ${JSON.stringify(body)}`);
  }

  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  const csrfToken = body.csrfToken as string;
  return {
    cookie,
    csrfToken,
    call: (path, init = {}) =>
      callWithCookie(herald.url, path, cookie, csrfToken, init),
  };
}

/** Creates an API token with a scope; answers the token. */
export async function createTestToken(
  herald: TestHerald,
  scope: 'admin' | 'business' | 'agent' | 'ingest',
): Promise<string> {
  const created = await herald.api('/api/tokens', {
    body: { name: `${scope} test token`, scope },
  });
  if (created.status !== 201) {
    throw new Error(`token not created: ${JSON.stringify(created.body)}`);
  }

  return created.body.token as string;
}

async function callWithCookie(
  url: string,
  path: string,
  cookie: string,
  csrfToken: string,
  init: { method?: string; body?: unknown; csrf?: boolean },
) {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { cookie };
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (init.csrf !== false && method !== 'GET') {
    headers['x-csrf-token'] = csrfToken;
  }

  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: keep the text.
  }

  return {
    status: response.status,
    body: body as any,
    headers: response.headers,
  };
}
