/**
 * graphile-worker tasks: each parses its payload and calls a service.
 */
import type { Task, TaskList } from 'graphile-worker';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ChannelResolver } from '../channels/channel-adapter.js';
import type { Db } from '../db/database.js';
import { addJob } from '../repositories/job-queue.js';
import { sweepDeliveries } from '../services/delivery-recovery-service.js';
import { sendDelivery } from '../services/delivery-service.js';
import { evaluateStoredChange } from '../services/evaluation-service.js';
import { sendKeywordReply } from '../services/inbound-message-service.js';
import { playBotTurn } from '../services/conversation-bot.js';
import { sendPilotReply } from '../services/pilot-reply-service.js';

const changePayload = z.object({ changeId: z.string() });
const deliveryPayload = z.object({ deliveryId: z.string() });
const inboundPayload = z.object({ inboundMessageId: z.string() });
const botPayload = z.object({
  conversationId: z.string(),
  messageId: z.string(),
});

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
    const { changeId } = changePayload.parse(payload);
    const jobLog = log.child({ jobId: helpers.job.id, changeId });
    await evaluateStoredChange(db, changeId, jobLog);
  };

  const deliver: Task = async (payload, helpers) => {
    const { deliveryId } = deliveryPayload.parse(payload);
    const jobLog = log.child({ jobId: helpers.job.id });
    const workerId = context.workerId();
    await sendDelivery(
      { db, channels, log: jobLog, workerId, staleWorkerMs },
      deliveryId,
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
    deliver,
    'sweep-deliveries': sweep,
    'keyword-reply': reply,
    'conversation-bot': bot,
    'pilot-reply': pilotReply,
  };
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
