/**
 * The rules every send follows, stored in `settings` as `delivery_policy`:
 * quiet hours, the frequency cap, retries, how long an unconfirmed send
 * may wait, and the keyword replies. Every field has a default.
 */
import { z } from 'zod';
import type { Db } from '../db/database.js';
import {
  readSetting,
  writeSetting,
} from '../repositories/setting-repository.js';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** What `PUT /api/delivery-policy` takes; omitted fields keep defaults. */
export const deliveryPolicySchema = z
  .object({
    /** Quiet hours in the customer's time zone; null: none. 21:00–08:00. */
    quietHours: z
      .object({ start: clock, end: clock })
      .strict()
      .nullable()
      .default({ start: '21:00', end: '08:00' }),
    /** Sends per customer and channel per rolling 24 h; null: no cap. 10. */
    frequencyCap: z.number().int().min(1).max(10_000).nullable().default(10),
    /** Retries of timeouts and 5xx before failing. Default 5. */
    maxRetries: z.number().int().min(0).max(20).default(5),
    /** First backoff; doubles each retry. Default 2000 ms. */
    retryBaseMs: z.number().int().min(0).max(3_600_000).default(2_000),
    /** Longest backoff or Retry-After honoured. Default 15 min. */
    retryMaxMs: z.number().int().min(0).max(86_400_000).default(900_000),
    /** An unconfirmed send fails with unknown outcome after this. 24 h. */
    unknownOutcomeAfterMinutes: z
      .number()
      .int()
      .min(1)
      .max(43_200)
      .default(1440),
    /** Answer to HELP and INFO. */
    helpText: z
      .string()
      .min(1)
      .max(640)
      .default('Reply STOP to unsubscribe, START to subscribe again.'),
    /** Confirmation of an opt-out keyword. */
    optOutReply: z
      .string()
      .min(1)
      .max(640)
      .default('You are unsubscribed and will get no more messages.'),
    /** Confirmation of an opt-in keyword. */
    optInReply: z
      .string()
      .min(1)
      .max(640)
      .default('You are subscribed again. Reply STOP to unsubscribe.'),
  })
  .strict();
export type DeliveryPolicy = z.infer<typeof deliveryPolicySchema>;

const KEY = 'delivery_policy';

/** The stored policy with defaults filled in. */
export async function loadDeliveryPolicy(db: Db): Promise<DeliveryPolicy> {
  const stored = await readSetting(db, KEY);
  const parsed = deliveryPolicySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : deliveryPolicySchema.parse({});
}

/** Stores a policy; answers it with defaults filled in. */
export async function saveDeliveryPolicy(
  db: Db,
  input: Partial<DeliveryPolicy>,
): Promise<DeliveryPolicy> {
  const current = await loadDeliveryPolicy(db);
  const policy = deliveryPolicySchema.parse({ ...current, ...input });
  await writeSetting(db, KEY, policy);
  return policy;
}
