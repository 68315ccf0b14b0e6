/**
 * Signing in and out with an email and a password. Sign-in sets the
 * session cookie and answers the CSRF token that cookie-authenticated
 * writes must send back as `X-CSRF-Token`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app-context.js';
import { findUser } from '../repositories/user-repository.js';
import {
  SESSION_COOKIE,
  signIn,
  signOut,
} from '../services/session-service.js';
import { toUserView } from '../services/user-service.js';

const signInBody = z
  .object({
    email: z.string().min(1).max(320),
    password: z.string().min(1).max(256),
  })
  .strict();

export function sessionRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.post(
      '/api/session',
      {
        config: { access: 'public', rateLimit: 'sign-in' },
        schema: {
          tags: ['access'],
          summary: 'Sign in with email and password; sets the session cookie',
          body: signInBody,
        },
      },
      async (request, reply) => {
        const session = await signIn(db, request.body, {
          sessionHours: context.access.sessionHours,
          address: request.ip,
        });
        reply.setCookie(SESSION_COOKIE, session.secret, {
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          path: '/',
          expires: session.expiresAt,
        });
        return {
          user: session.user,
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt,
        };
      },
    );

    app.get(
      '/api/session',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['access'],
          summary: 'Who is signed in, with the CSRF token of the session',
        },
      },
      async (request) => {
        const principal = request.principal!;
        const user =
          principal.kind === 'user' ? await findUser(db, principal.id) : null;
        return {
          kind: principal.kind,
          role: principal.role,
          name: principal.name,
          user: user ? toUserView(user) : null,
          csrfToken: principal.csrfToken ?? null,
        };
      },
    );

    app.delete(
      '/api/session',
      {
        config: { access: 'signed-in' },
        schema: { tags: ['access'], summary: 'Sign out' },
      },
      async (request, reply) => {
        const secret = request.cookies[SESSION_COOKIE];
        if (secret) {
          await signOut(db, secret);
        }

        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { signedOut: true };
      },
    );
  };
}
