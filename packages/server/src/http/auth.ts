/**
 * Authentication and access control for every route. A request carries a
 * bearer token (bootstrap admin token or API token) or a session cookie;
 * its route's access rule (see access-policy.ts) decides whether its role
 * may call it. Cookie-authenticated writes must also carry the session's
 * CSRF token in `X-CSRF-Token`; bearer requests are exempt, since no
 * browser attaches them on its own.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HeraldError } from '../errors.js';
import {
  SESSION_COOKIE,
  authenticateSession,
} from '../services/session-service.js';
import type { Principal } from '../services/principal.js';
import {
  admits,
  resolveRouteAccess,
  type AccessRule,
  type RouteAccess,
} from './access-policy.js';
import type { AppContext } from './app-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; null on public routes and before auth runs. */
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Every registered route with its access rule, for tests and docs. */
    routeAccess: RouteAccess[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Installs route access on `app`: resolves each route's rule as it is
 * registered, and checks every request against it.
 */
export function installAuth(app: FastifyInstance, context: AppContext) {
  const table: RouteAccess[] = [];
  app.decorate('routeAccess', table);
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    const { access, declared } = resolveRouteAccess(route);
    route.config = { ...route.config, access };
    for (const method of [route.method].flat()) {
      table.push({
        method,
        url: route.url,
        access,
        declared,
        schema: route.schema,
      });
    }
  });

  app.addHook('onRequest', async (request) => {
    const rule = ruleOf(request);
    if (rule === 'public') {
      return;
    }

    const principal = await identify(request, context);
    if (!principal) {
      throw new HeraldError(
        'HERALD_UNAUTHORIZED',
        'sign in, or send Authorization: Bearer <token>',
        { header: 'authorization' },
      );
    }

    request.principal = principal;
    if (!admits(rule, principal.role)) {
      throw new HeraldError(
        'HERALD_FORBIDDEN',
        `the ${principal.role} role may not call this route`,
        { role: principal.role, access: rule },
      );
    }

    checkCsrf(request, principal);
  });
}

/** The rule of the matched route; unmatched /api paths need a sign-in. */
function ruleOf(request: FastifyRequest): AccessRule {
  const configured = request.routeOptions.config?.access;
  if (configured && request.routeOptions.url !== undefined) {
    return configured;
  }

  const path = request.url.split('?')[0];
  return path.startsWith('/api/') ? 'signed-in' : 'public';
}

async function identify(
  request: FastifyRequest,
  context: AppContext,
): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S{1,512})$/i.exec(header);
    return match ? context.authenticateBearer(match[1]) : null;
  }

  const secret = request.cookies?.[SESSION_COOKIE];
  if (!secret || secret.length > 256) {
    return null;
  }

  return authenticateSession(context.db, secret);
}

function checkCsrf(request: FastifyRequest, principal: Principal) {
  if (principal.via !== 'session' || SAFE_METHODS.has(request.method)) {
    return;
  }

  const sent = request.headers['x-csrf-token'];
  const expected = Buffer.from(principal.csrfToken ?? '');
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  if (
    expected.length === 0 ||
    given.length !== expected.length ||
    !timingSafeEqual(given, expected)
  ) {
    throw new HeraldError(
      'HERALD_CSRF',
      'send the X-CSRF-Token header that GET /api/session answers',
      { header: 'x-csrf-token' },
    );
  }
}
