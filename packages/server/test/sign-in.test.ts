/**
 * People sign in with an email and a password: the session cookie is
 * httpOnly and SameSite=Lax (Secure behind a trusted HTTPS proxy), writes
 * by cookie need the CSRF token, logout ends the session, attempts are
 * rate-limited, and API tokens are shown once, stored hashed, revocable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestToken,
  createTestUser,
  signInAs,
  TEST_PASSWORD,
} from './access-client.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

describe('sign-in, sessions and API tokens', () => {
  let herald: TestHerald;

  beforeAll(async () => {
    herald = await startTestHerald({ worker: false });
    await createTestUser(herald, 'ada@example.com', 'admin');
    await createTestUser(herald, 'bo@example.com', 'business');
  });

  afterAll(async () => {
    await herald?.stop();
  });

  it('stores only a scrypt hash of the password', async () => {
    const row = await herald.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'ada@example.com')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('sets an httpOnly, SameSite=Lax session cookie, not Secure on http', async () => {
    const response = await fetch(`${herald.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'ADA@example.com',
        password: TEST_PASSWORD,
      }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^herald_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const body = await response.json();
    expect(body.user).toMatchObject({
      email: 'ada@example.com',
      role: 'admin',
    });
    expect(body.user.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    for (const email of ['ada@example.com', 'nobody@example.com']) {
      const refused = await herald.api('/api/session', {
        token: null,
        body: { email, password: 'not the password' },
      });
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('HERALD_SIGN_IN_FAILED');
    }
  });

  it('answers who is signed in, and needs the CSRF token to write', async () => {
    const ada = await signInAs(herald, 'ada@example.com');
    const me = await ada.call('/api/session');
    expect(me.body).toMatchObject({ role: 'admin', kind: 'user' });
    expect(me.body.csrfToken).toBe(ada.csrfToken);

    const body = { name: 'Made by cookie' };
    const without = await ada.call('/api/flows', { body, csrf: false });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('HERALD_CSRF');
    const withToken = await ada.call('/api/flows', { body });
    expect(withToken.status).toBe(201);
  });

  it('ends the session at logout', async () => {
    const bo = await signInAs(herald, 'bo@example.com');
    expect((await bo.call('/api/flows')).status).toBe(200);
    const out = await bo.call('/api/session', { method: 'DELETE' });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/herald_session=;/);
    expect((await bo.call('/api/flows')).status).toBe(401);
  });

  it('ends sessions of a disabled user at once', async () => {
    const user = await createTestUser(herald, 'cy@example.com', 'agent');
    const cy = await signInAs(herald, 'cy@example.com');
    expect((await cy.call('/api/templates')).status).toBe(200);
    const disabled = await herald.api(`/api/users/${user.id}`, {
      method: 'PATCH',
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect((await cy.call('/api/templates')).status).toBe(401);
  });

  it('shows a token once, stores its hash, and honours revocation', async () => {
    const created = await herald.api('/api/tokens', {
      body: { name: 'warehouse sync', scope: 'ingest' },
    });
    expect(created.status).toBe(201);
    const { token, id } = created.body;
    expect(token).toMatch(/^hrd_/);

    const listed = await herald.api('/api/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(token);
    const stored = await herald.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);

    expect((await herald.api('/api/customers?limit=1', { token })).status).toBe(
      200,
    );
    expect((await herald.api('/api/flows', { token })).status).toBe(403);
    const revoked = await herald.api(`/api/tokens/${id}`, {
      method: 'DELETE',
    });
    expect(revoked.status).toBe(200);
    expect((await herald.api('/api/customers?limit=1', { token })).status).toBe(
      401,
    );
  });

  it('keeps the bootstrap admin token working', async () => {
    expect((await herald.api('/api/users')).status).toBe(200);
    const business = await createTestToken(herald, 'business');
    expect((await herald.api('/api/users', { token: business })).status).toBe(
      403,
    );
  });

  it('sets security headers', async () => {
    const response = await fetch(`${herald.url}/api/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain(
      "frame-ancestors 'none'",
    );
  });
});

describe('behind a trusted proxy, with a low sign-in limit', () => {
  let herald: TestHerald;

  beforeAll(async () => {
    herald = await startTestHerald({
      worker: false,
      config: { trustedProxies: ['127.0.0.1'], signInRateLimit: 3 },
    });
    await createTestUser(herald, 'ada@example.com', 'admin');
  });

  afterAll(async () => {
    await herald?.stop();
  });

  it('marks the cookie Secure when the proxy says https', async () => {
    const response = await fetch(`${herald.url}/api/session`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-proto': 'https',
      },
      body: JSON.stringify({
        email: 'ada@example.com',
        password: TEST_PASSWORD,
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/i);
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('rate-limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const response = await herald.api('/api/session', {
        token: null,
        body: { email: 'ada@example.com', password: 'guess' + attempt },
      });
      statuses.push(response.status);
    }
    expect(statuses).toContain(429);
  });
});
