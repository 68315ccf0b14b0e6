/**
 * Upserting Customers with their identities and Consent, and presenting
 * them to the API and to the engine (the `customer` fact).
 */
import { z } from 'zod';
import type { Db } from '../db/database.js';
import {
  appendConsents,
  currentConsents,
  findCustomer,
  saveCustomer,
  type ConsentEntry,
  type CurrentConsent,
  type CustomerColumns,
  type CustomerRow,
} from '../repositories/customer-repository.js';

const messagingChannels = ['sms', 'whatsapp', 'messenger'] as const;

const timeZoneSchema = z.string().refine(isTimeZone, 'unknown IANA time zone');

export const consentInputSchema = z
  .object({
    channel: z.enum(messagingChannels),
    status: z.enum(['opt_in', 'opt_out']),
    sender: z.string().max(64).optional(),
    source: z.string().min(1).max(64).optional(),
    evidence: z.string().max(2000).optional(),
  })
  .strict();

/**
 * What `PUT /api/customers/:id` takes. Omitted fields keep their stored
 * value; `null` clears one.
 */
export const customerInputSchema = z
  .object({
    firstName: z.string().max(200).nullish(),
    lastName: z.string().max(200).nullish(),
    email: z.string().max(320).nullish(),
    phone: z.string().max(40).nullish(),
    whatsappId: z.string().max(64).nullish(),
    messengerPsid: z.string().max(64).nullish(),
    preferredChannel: z.enum(messagingChannels).nullish(),
    tier: z.string().min(1).max(64).optional(),
    region: z.string().max(64).nullish(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 code')
      .nullish(),
    timeZone: timeZoneSchema.optional(),
    locale: z.string().min(2).max(35).optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
    consent: z.array(consentInputSchema).max(20).optional(),
  })
  .strict();
export type CustomerInput = z.infer<typeof customerInputSchema>;

export const customerIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w.:@+-]+$/, 'letters, digits and . _ : @ + -');

/** A Customer as the API shows it. */
export type CustomerView = ReturnType<typeof toCustomerView>;

/** Inserts or updates one Customer and appends changed Consent. */
export async function upsertCustomer(
  db: Db,
  id: string,
  input: CustomerInput,
): Promise<CustomerView> {
  return db.transaction().execute(async (trx) => {
    const stored = await findCustomer(trx, id, true);
    const columns = mergeColumns(stored, input);
    await saveCustomer(trx, id, columns);

    const consents = (await currentConsents(trx, [id])).get(id) ?? [];
    const entries = newConsentEntries(consents, input.consent ?? []);
    await appendConsents(trx, id, entries);

    const saved = await findCustomer(trx, id);
    const current = (await currentConsents(trx, [id])).get(id) ?? [];
    return toCustomerView(saved!, current);
  });
}

function mergeColumns(
  stored: CustomerRow | undefined,
  input: CustomerInput,
): CustomerColumns {
  const pick = <T>(value: T | null | undefined, old: T | null | undefined) =>
    value === undefined ? (old ?? null) : value;
  return {
    first_name: pick(input.firstName, stored?.first_name),
    last_name: pick(input.lastName, stored?.last_name),
    email: pick(input.email, stored?.email),
    phone: pick(input.phone, stored?.phone),
    whatsapp_id: pick(input.whatsappId, stored?.whatsapp_id),
    messenger_psid: pick(input.messengerPsid, stored?.messenger_psid),
    preferred_channel: pick(input.preferredChannel, stored?.preferred_channel),
    tier: input.tier ?? stored?.tier ?? 'Standard',
    region: pick(input.region, stored?.region),
    country: pick(input.country, stored?.country),
    time_zone: input.timeZone ?? stored?.time_zone ?? 'UTC',
    locale: input.locale ?? stored?.locale ?? 'en-US',
    attributes: input.attributes ?? stored?.attributes ?? {},
  };
}

/** Only a status that differs from the current one enters the ledger. */
function newConsentEntries(
  current: CurrentConsent[],
  requested: z.infer<typeof consentInputSchema>[],
): ConsentEntry[] {
  const entries: ConsentEntry[] = [];
  for (const item of requested) {
    const sender = item.sender ?? '';
    const now = current.find(
      (consent) =>
        consent.channel === item.channel && consent.sender === sender,
    );
    if (now?.status === item.status) {
      continue;
    }

    entries.push({
      channel: item.channel,
      sender,
      status: item.status,
      source: item.source ?? 'api',
      evidence: item.evidence ?? null,
    });
  }

  return entries;
}

/** The API's view of a Customer row with its current Consent. */
export function toCustomerView(row: CustomerRow, consent: CurrentConsent[]) {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    whatsappId: row.whatsapp_id,
    messengerPsid: row.messenger_psid,
    preferredChannel: row.preferred_channel,
    tier: row.tier,
    region: row.region,
    country: row.country,
    timeZone: row.time_zone,
    locale: row.locale,
    attributes: row.attributes,
    consent: consent.map((item) => ({
      channel: item.channel,
      sender: item.sender,
      status: item.status,
      source: item.source,
      evidence: item.evidence,
      recordedAt: item.recordedAt,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The `customer` fact the engine reads; named columns win over attributes. */
export function toCustomerFact(row: CustomerRow): Record<string, unknown> {
  return {
    ...row.attributes,
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    preferredChannel: row.preferred_channel,
    tier: row.tier,
    region: row.region,
    country: row.country,
    timeZone: row.time_zone,
    locale: row.locale,
  };
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
