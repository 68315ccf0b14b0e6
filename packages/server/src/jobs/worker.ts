/**
 * A Herald worker: graphile-worker in library mode over the process's
 * shared pool, announcing itself in `workers` so health can report it.
 * Run as many as needed, on as many machines; they share the one queue.
 */
import os from 'node:os';
import { EventEmitter } from 'node:events';
import {
  Logger as GraphileLogger,
  run,
  type Runner,
  type WorkerEvents,
} from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { ChannelResolver } from '../channels/channel-adapter.js';
import type { Db } from '../db/database.js';
import { createTaskList, scheduleSweep } from './task-list.js';

/** A running worker; `id` ends with graphile-worker's pool id. */
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
  const identity = { id: `${os.hostname()}:${process.pid}:starting` };
  const workerLog = log.child({});
  const events: WorkerEvents = new EventEmitter();
  // The pool id is what graphile-worker writes into `locked_by`; ending
  // the worker's id with it lets the sweep tell whose jobs are orphaned.
  // The pool exists before its first job runs, so tasks see the final id.
  events.once('pool:create', ({ workerPool }) => {
    identity.id = `${os.hostname()}:${process.pid}:${workerPool.id}`;
    workerLog.setBindings({ workerId: identity.id });
  });
  const runner: Runner = await run({
    pgPool: pool,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    events,
    taskList: createTaskList({
      db,
      channels: options.channels,
      log: workerLog,
      workerId: () => identity.id,
      heartbeatMs,
    }),
    logger: graphileLogger(workerLog),
  });

  const id = identity.id;
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
    .values({
      id,
      hostname: os.hostname(),
      pid: process.pid,
      last_seen_at: now,
    })
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
