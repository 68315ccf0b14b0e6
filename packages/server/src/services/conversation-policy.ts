/**
 * How Conversations behave, stored in `settings` as `conversation_policy`:
 * how long an Agent's presence lasts without a heartbeat, the default
 * capacity, whether the bot answers replies to triggered messages, and
 * the channels limited to a pilot audience. Every field has a default.
 */
import { z } from 'zod';
import type { Db } from '../db/database.js';
import {
  readSetting,
  writeSetting,
} from '../repositories/setting-repository.js';

/** An audience a channel is limited to while it is rolled out. */
const pilotSchema = z
  .object({
    /** Customer tiers let in (VIP, Platinum …); empty: any tier. */
    tiers: z
      .array(z.string().min(1).max(64, 'a tier has at most 64 characters'))
      .max(50, 'at most 50 tiers')
      .default([]),
    /** Customer regions let in; empty: any region. */
    regions: z
      .array(z.string().min(1).max(64, 'a region has at most 64 characters'))
      .max(200, 'at most 200 regions')
      .default([]),
    /** The polite answer everyone else gets. */
    reply: z
      .string()
      .trim()
      .min(1, 'write the answer people outside the pilot get')
      .max(640, 'at most 640 characters')
      .default(
        'Thanks for your message! Chat on this channel is not open to ' +
          'everyone yet; please call us or use SMS and we will help you.',
      ),
  })
  .strict();

/** What `PUT /api/conversation-policy` takes; omitted fields keep defaults. */
export const conversationPolicySchema = z
  .object({
    /** Presence without a heartbeat for this long counts as offline. 120 s. */
    presenceTimeoutSeconds: z
      .number()
      .int('a whole number of seconds')
      .min(5, 'at least 5 seconds')
      .max(86_400, 'at most 86,400 seconds (a day)')
      .default(120),
    /** Routed inbound Conversations an Agent takes at once. Default 5. */
    defaultCapacity: z
      .number()
      .int('a whole number')
      .min(0, 'at least 0')
      .max(100, 'at most 100')
      .default(5),
    /** The bot answers replies to triggered messages. Default true. */
    botEnabled: z.boolean().default(true),
    /** How long after a triggered message a reply counts as its answer. 7 d. */
    botReplyWindowHours: z
      .number()
      .int('a whole number of hours')
      .min(1, 'at least 1 hour')
      .max(720, 'at most 720 hours (30 days)')
      .default(168),
    /** Channels limited to a pilot audience, by channel name. */
    pilots: z
      .object({
        sms: pilotSchema.optional(),
        whatsapp: pilotSchema.optional(),
        messenger: pilotSchema.optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export type ConversationPolicy = z.infer<typeof conversationPolicySchema>;
/** One channel's pilot audience. */
export type ChannelPilot = z.infer<typeof pilotSchema>;

const KEY = 'conversation_policy';

/** The stored policy with defaults filled in. */
export async function loadConversationPolicy(
  db: Db,
): Promise<ConversationPolicy> {
  const stored = await readSetting(db, KEY);
  const parsed = conversationPolicySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : conversationPolicySchema.parse({});
}

/** Stores a policy; answers it with defaults filled in. */
export async function saveConversationPolicy(
  db: Db,
  input: Partial<ConversationPolicy>,
): Promise<ConversationPolicy> {
  const current = await loadConversationPolicy(db);
  const policy = conversationPolicySchema.parse({ ...current, ...input });
  await writeSetting(db, KEY, policy);
  return policy;
}

/** Whether a Customer is in a channel's pilot audience (true: no pilot). */
export function inPilot(
  pilot: ChannelPilot | undefined,
  customer: { tier: string; region: string | null } | null,
): boolean {
  if (!pilot) {
    return true;
  }
  if (!customer) {
    return false;
  }

  const tierOk =
    pilot.tiers.length === 0 || pilot.tiers.includes(customer.tier);
  const regionOk =
    pilot.regions.length === 0 ||
    (customer.region !== null && pilot.regions.includes(customer.region));
  return tierOk && regionOk;
}
