/**
 * A Herald worker: graphile-worker in library mode over the process's
 * shared pool, announcing itself in `workers` so health can report it.
 * Run as many as needed, on as many machines; they share the one queue.
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { Logger as GraphileLogger, run, type Runner } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { ChannelResolver } from '../channels/channel-adapter.js';
import type { Db } from '../db/database.js';
import { createTaskList, scheduleSweep } from './task-list.js';

export interface HeraldWorker {
  id: string;
  stop(): Promise<void>;
}


/** Starts a worker; resolves once it is taking jobs. */
export async function startWorker(options: {
  db: Db;
  pool: pg.Pool;
  channels: ChannelResolver;
  log: Logger;
  concurrency: number;
  /** How often the worker says it is alive and sweeps. Default 10 s. */
  heartbeatMs?: number;
}): Promise<HeraldWorker> {
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const { db, pool, log } = options;
  const id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const workerLog = log.child({ workerId: id });
  const runner: Runner = await run({
    pgPool: pool,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: createTaskList({
      db,
      channels: options.channels,
      log: workerLog,
      workerId: id,
      heartbeatMs,
    }),
    logger: graphileLogger(workerLog),
  });

  await heartbeat(db, id);
  await scheduleSweep(db, heartbeatMs);
  const timer = setInterval(() => {
    heartbeat(db, id).catch((error) =>
      workerLog.warn({ err: error }, 'worker heartbeat failed'),
    );
  }, heartbeatMs);
  timer.unref();
  workerLog.info({ concurrency: options.concurrency }, 'worker started');

  return {
    id,
    async stop() {
      clearInterval(timer);
      await runner.stop();
      await db.deleteFrom('workers').where('id', '=', id).execute();
      workerLog.info('worker stopped');
    },
  };
}

async function heartbeat(db: Db, id: string) {
  const now = new Date();
  await db
    .insertInto('workers')
    .values({ id, hostname: os.hostname(), pid: process.pid, last_seen_at: now })
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet({ last_seen_at: now }),
    )
    .execute();
}

/** Routes graphile-worker's own messages into pino; its chatter is debug. */
function graphileLogger(log: Logger) {
  return new GraphileLogger(() => (level, message, meta) => {
    const target =
      level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    log[target]({ ...meta }, message);
  });
}
