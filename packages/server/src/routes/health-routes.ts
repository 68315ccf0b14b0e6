/**
 * GET /api/health: database reachability, migrations, workers seen in the
 * last 30 seconds, queued jobs, and stuck jobs: those locked by a worker
 * not seen for 30 seconds (the sweep of a live worker frees them). Needs
 * no token.
 */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countQueuedJobs } from '../repositories/job-queue.js';
import { deadLockHolders } from '../repositories/worker-repository.js';
import type { AppContext } from '../http/app-context.js';

const WORKER_FRESH_MS = 30_000;

export function healthRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: 'public' },
        schema: { tags: ['health'], summary: 'Database and worker state' },
      },
      async (_request, reply) => {
        const database = await checkDatabase(context);
        const workers = database.ok ? await recentWorkers(context) : [];
        const queuedJobs = database.ok
          ? await countQueuedJobs(context.db)
          : null;
        const stuckJobs = database.ok ? await countStuckJobs(context) : null;
        const ok = database.ok;
        reply.status(ok ? 200 : 503);
        return {
          status: ok ? (workers.length > 0 ? 'ok' : 'degraded') : 'down',
          database,
          worker: {
            running: workers.length,
            workers,
            queuedJobs,
            stuckJobs,
          },
        };
      },
    );
  };
}

async function checkDatabase(context: AppContext) {
  try {
    await sql`select 1`.execute(context.db);
    return { ok: true as const };
  } catch (error) {
    context.log.warn({ err: error }, 'health check: database unreachable');
    return { ok: false as const, error: 'database unreachable' };
  }
}

async function countStuckJobs(context: AppContext) {
  const holders = await deadLockHolders(context.db, WORKER_FRESH_MS);
  return holders.reduce((sum, holder) => sum + holder.jobs, 0);
}

async function recentWorkers(context: AppContext) {
  const since = new Date(Date.now() - WORKER_FRESH_MS);
  const rows = await context.db
    .selectFrom('workers')
    .select(['id', 'hostname', 'pid', 'started_at', 'last_seen_at'])
    .where('last_seen_at', '>', since)
    .orderBy('started_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    hostname: row.hostname,
    pid: row.pid,
    startedAt: row.started_at,
    lastSeenAt: row.last_seen_at,
  }));
}
