/**
 * Every /api route but health and the API docs needs a bearer token.
 */
import type { FastifyInstance } from 'fastify';
import { HeraldError } from '../errors.js';
import type { AppContext } from './app-context.js';

const PUBLIC_PREFIXES = ['/api/health', '/api/docs'];

/** Installs the bearer-token check on `app`. */
export function installAuth(app: FastifyInstance, context: AppContext) {
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0];
    if (!path.startsWith('/api/')) {
      return;
    }
    if (PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix))) {
      return;
    }

    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match || !(await context.verifyToken(match[1]))) {
      throw new HeraldError(
        'HERALD_UNAUTHORIZED',
        'send Authorization: Bearer <token>',
        { header: 'authorization' },
      );
    }
  });
}
