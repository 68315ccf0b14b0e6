/**
 * Records an audit entry after each successful call of a route that
 * declares `config: { audit: '<action>' }` (see audit-describers.ts).
 *
 * Limitation: the entry is written after the handler's own transaction
 * commits, so a crash between the two loses the entry; services that own
 * their writes (users, tokens, sign-in, rollout publish, erasure) record
 * theirs in the same transaction instead.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../services/audit-service.js';
import {
  describerFor,
  type AuditedCall,
} from '../services/audit-describers.js';
import { actorOf } from '../services/principal.js';
import type { AppContext } from './app-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** What an audit describer saw before the handler ran. */
    auditBefore?: unknown;
  }
}

/** Installs the audit hooks on `app`. */
export function installAuditTrail(app: FastifyInstance, context: AppContext) {
  app.addHook('preHandler', async (request) => {
    const action = request.routeOptions.config?.audit;
    const describer = action ? describerFor(action) : undefined;
    if (!describer?.before) {
      return;
    }

    request.auditBefore = await describer.before(context.db, callOf(request));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const action = request.routeOptions.config?.audit;
    if (!action || reply.statusCode >= 400 || !request.principal) {
      return payload;
    }

    try {
      const call = { ...callOf(request), answer: parse(payload) };
      const describer = describerFor(action);
      const event = await describer.describe(
        context.db,
        call,
        request.auditBefore,
      );
      if (event) {
        await recordAudit(
          context.db,
          actorOf(request.principal, request.ip),
          event,
        );
      }
    } catch (error) {
      request.log.error({ err: error, action }, 'audit entry not recorded');
    }

    return payload;
  });
}

function callOf(request: FastifyRequest): Omit<AuditedCall, 'answer'> {
  return {
    method: request.method,
    route: request.routeOptions.url ?? request.url,
    params: (request.params ?? {}) as Record<string, string>,
    body: request.body,
    principal: request.principal,
  };
}

function parse(payload: unknown): Record<string, unknown> {
  if (typeof payload !== 'string') {
    return {};
  }

  try {
    return JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return {};
  }
}
