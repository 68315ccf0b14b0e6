/**
 * The audit log, newest first, filtered by action, actor, subject or time.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app-context.js';
import { queryAudit } from '../services/audit-service.js';

/** An ISO instant Postgres can compare with: it knows no year 0000. */
const instant = z.iso
  .datetime({ offset: true })
  .refine((value) => !value.startsWith('0000'), 'a year from 0001');

const auditQuery = z
  .object({
    action: z
      .string()
      .max(64)
      .regex(/^[a-z.-]+$/, 'an action, or a prefix ending in .')
      .optional(),
    actorId: z.string().max(64).optional(),
    subjectType: z.string().max(32).optional(),
    subjectId: z.string().max(128).optional(),
    since: instant.optional(),
    until: instant.optional(),
    before: z
      .string()
      .regex(/^\d{1,18}$/, 'an entry id')
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export function auditRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['access'],
          summary: 'The audit log, newest first',
          querystring: auditQuery,
        },
      },
      async (request) => queryAudit(context.db, request.query),
    );
  };
}
