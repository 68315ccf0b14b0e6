/**
 * graphile-worker tasks: each parses its payload and calls a service.
 */
import type { Task, TaskList } from 'graphile-worker';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ChannelRegistry } from '../channels/channel-adapter.js';
import type { Db } from '../db/database.js';
import { sendDelivery } from '../services/delivery-service.js';
import { evaluateStoredChange } from '../services/evaluation-service.js';

const changePayload = z.object({ changeId: z.string() });
const deliveryPayload = z.object({ deliveryId: z.string() });

/** The tasks a Herald worker runs. */
export function createTaskList(
  db: Db,
  channels: ChannelRegistry,
  log: Logger,
): TaskList {
  const evaluate: Task = async (payload, helpers) => {
    const { changeId } = changePayload.parse(payload);
    const jobLog = log.child({ jobId: helpers.job.id, changeId });
    await evaluateStoredChange(db, changeId, jobLog);
  };

  const deliver: Task = async (payload, helpers) => {
    const { deliveryId } = deliveryPayload.parse(payload);
    const jobLog = log.child({ jobId: helpers.job.id, deliveryId });
    await sendDelivery(db, channels, deliveryId, jobLog);
  };

  return { 'evaluate-change': evaluate, deliver };
}
