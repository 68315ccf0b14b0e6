/**
 * graphile-worker tasks: each parses its payload and calls a service.
 */
import type { Task, TaskList } from 'graphile-worker';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ChannelResolver } from '../channels/channel-adapter.js';
import type { Db } from '../db/database.js';
import { addJob } from '../repositories/job-queue.js';
import { wakeUp } from '../repositories/work-queue-repository.js';
import { sweepDeliveries } from '../services/delivery-recovery-service.js';
import {
  deliverPending,
  sendDeliveries,
} from '../services/delivery-service.js';
import {
  evaluatePending,
  evaluateStoredChanges,
} from '../services/evaluation-service.js';
import { sendKeywordReply } from '../services/inbound-message-service.js';
import { playBotTurn } from '../services/conversation-bot.js';
import { sendPilotReply } from '../services/pilot-reply-service.js';

const changePayload = z.union([
  z.object({ changeId: z.string() }),
  z.object({ changeIds: z.array(z.string()).min(1).max(1000) }),
]);
const deliveryPayload = z.union([
  z.object({ deliveryId: z.string() }),
  z.object({ deliveryIds: z.array(z.string()).min(1).max(1000) }),
]);
const inboundPayload = z.object({ inboundMessageId: z.string() });
const botPayload = z.object({
  conversationId: z.string(),
  messageId: z.string(),
});

/** Changes or Deliveries claimed per transaction by a drain. */
const DRAIN_BATCH = 100;
/** A drain stops claiming after this long and renews its wake-up. */
const DRAIN_BUDGET_MS = 5_000;
/** A failed drain is woken again after this long. */
const DRAIN_RETRY_MS = 1_000;

/** The job key of the recurring recovery sweep. */
export const SWEEP_JOB_KEY = 'sweep-deliveries';

/** What the tasks need from their worker. */
export interface TaskContext {
  db: Db;
  channels: ChannelResolver;
  log: Logger;
  /** The worker's id, known once graphile-worker has made its pool. */
  workerId: () => string;
  /** How often the sweep runs and how long a silent worker is alive. */
  heartbeatMs: number;
}

/** The tasks a Herald worker runs. */
export function createTaskList(context: TaskContext): TaskList {
  const { db, channels, log } = context;
  const staleWorkerMs = context.heartbeatMs * 3;

  const evaluate: Task = async (payload, helpers) => {
    const parsed = changePayload.parse(payload);
    const ids = 'changeIds' in parsed ? parsed.changeIds : [parsed.changeId];
    const jobLog = log.child({ jobId: helpers.job.id });
    await evaluateStoredChanges(db, ids, jobLog);
  };

  const deliver: Task = async (payload, helpers) => {
    const parsed = deliveryPayload.parse(payload);
    const ids =
      'deliveryIds' in parsed ? parsed.deliveryIds : [parsed.deliveryId];
    const jobLog = log.child({ jobId: helpers.job.id });
    const workerId = context.workerId();
    await sendDeliveries(
      { db, channels, log: jobLog, workerId, staleWorkerMs },
      ids,
    );
  };

  const drainLimits = (helpers: { abortSignal?: AbortSignal }) => ({
    batch: DRAIN_BATCH,
    budgetMs: DRAIN_BUDGET_MS,
    signal: helpers.abortSignal,
  });

  const evaluatePendingTask: Task = async (_payload, helpers) => {
    const jobLog = log.child({ jobId: helpers.job.id });
    await drain(db, jobLog, 'evaluate-pending', () =>
      evaluatePending(db, jobLog, drainLimits(helpers)),
    );
  };

  const deliverPendingTask: Task = async (_payload, helpers) => {
    const jobLog = log.child({ jobId: helpers.job.id });
    const workerId = context.workerId();
    await drain(db, jobLog, 'deliver-pending', () =>
      deliverPending(
        { db, channels, log: jobLog, workerId, staleWorkerMs },
        drainLimits(helpers),
      ),
    );
  };

  const sweep: Task = async () => {
    try {
      await sweepDeliveries({
        db,
        channels,
        log,
        workerId: context.workerId(),
        staleWorkerMs,
        wakeAfterMs: context.heartbeatMs,
      });
    } finally {
      await scheduleSweep(db, context.heartbeatMs);
    }
  };

  const reply: Task = async (payload) => {
    const { inboundMessageId } = inboundPayload.parse(payload);
    await sendKeywordReply({ db, channels, log }, inboundMessageId);
  };

  const bot: Task = async (payload, helpers) => {
    const { conversationId, messageId } = botPayload.parse(payload);
    const jobLog = logOf(context, helpers.job.id).child({ conversationId });
    await playBotTurn({ db, log: jobLog }, conversationId, messageId);
  };

  const pilotReply: Task = async (payload) => {
    const { inboundMessageId } = inboundPayload.parse(payload);
    await sendPilotReply(
      { db, channels, log: logOf(context) },
      inboundMessageId,
    );
  };

  return {
    'evaluate-change': evaluate,
    'evaluate-pending': evaluatePendingTask,
    deliver,
    'deliver-pending': deliverPendingTask,
    'sweep-deliveries': sweep,
    'keyword-reply': reply,
    'conversation-bot': bot,
    'pilot-reply': pilotReply,
  };
}

/**
 * Runs a drain; renews its wake-up when work may be left. A drain that
 * fails (a lost connection, a deadlock) is logged and woken again shortly,
 * rather than left to the job's growing retry delay: the work stays queued
 * in Herald's tables either way.
 */
async function drain(
  db: Db,
  log: Logger,
  task: 'evaluate-pending' | 'deliver-pending',
  run: () => Promise<{ more: boolean }>,
) {
  try {
    const { more } = await run();
    if (more) {
      await wakeUp(db, task);
    }
  } catch (error) {
    log.error({ err: error, task }, 'drain failed; waking it again soon');
    await wakeUp(db, task, new Date(Date.now() + DRAIN_RETRY_MS));
  }
}

/** Queues the next recovery sweep `inMs` from now; one is ever pending. */
export async function scheduleSweep(db: Db, inMs: number) {
  await addJob(
    db,
    'sweep-deliveries',
    {},
    {
      jobKey: SWEEP_JOB_KEY,
      runAt: new Date(Date.now() + inMs),
      maxAttempts: 1,
    },
  );
}

/** The worker's logger (it carries the worker id), scoped to a job. */
function logOf(context: TaskContext, jobId?: string) {
  return jobId === undefined ? context.log : context.log.child({ jobId });
}
