/**
 * Reading one Salesforce Change Data Capture event in either form a
 * subscriber receives it:
 *
 * - the Streaming API (CometD) message, `{ data: { schema, payload,
 *   event: { replayId } }, channel }`, or its inner `{ schema, payload,
 *   event }`;
 * - the Pub/Sub API payload once decoded from Avro: the payload object
 *   itself, with `ChangeEventHeader` beside the record fields.
 *
 * The two forms differ in what the body means. A CometD body is *sparse*:
 * it holds only the fields that changed, and a null there was set to null.
 * A Pub/Sub body is *full*: it holds every field, and an unchanged field is
 * null too, so only the header's `changedFields` and `nulledFields` tell a
 * change. Salesforce adds `nulledFields` and `diffFields` to the header
 * only in the Pub/Sub API, so their presence marks a full body.
 */
import { z } from 'zod';
import { HeraldError } from '../errors.js';
import { MAX_EPOCH_MILLIS } from './epoch-time.js';

/** Change types of a change event; `GAP_*` events carry no field values. */
export const cdcChangeTypes = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'UNDELETE',
  'GAP_CREATE',
  'GAP_UPDATE',
  'GAP_DELETE',
  'GAP_UNDELETE',
  'GAP_OVERFLOW',
] as const;
export type CdcChangeType = (typeof cdcChangeTypes)[number];

/**
 * A bitmap left as Salesforce encodes it (`0x650004E0`, `4-0x10`): the
 * Pub/Sub client did not expand it into field names.
 */
const undecodedBitmap = /^(\d+-)?0x[0-9a-f]+$/i;

const fieldList = z
  .array(
    z
      .string()
      .min(1)
      .refine((name) => !undecodedBitmap.test(name), {
        message: 'an undecoded bitmap; expand it into field names first',
      }),
  )
  .max(5000);

/**
 * Most record ids one event may name. Salesforce merges the same change
 * to many records into one event; each id becomes its own Change, so a
 * bigger event must be split by the subscriber.
 */
export const MAX_RECORD_IDS_PER_EVENT = 1000;

/** The `ChangeEventHeader` fields Herald reads; others are kept as sent. */
export const cdcHeaderSchema = z
  .object({
    entityName: z.string().min(1).max(255),
    changeType: z.enum(cdcChangeTypes),
    recordIds: z
      .array(z.string().min(1).max(255))
      .max(MAX_RECORD_IDS_PER_EVENT),
    changeOrigin: z.string().max(1000).optional(),
    transactionKey: z.string().max(255).optional(),
    sequenceNumber: z.number().int().optional(),
    commitTimestamp: z
      .number()
      .int()
      .nonnegative()
      .max(MAX_EPOCH_MILLIS, 'epoch milliseconds up to the year 9999')
      .optional(),
    commitNumber: z.number().int().optional(),
    commitUser: z.string().max(255).optional(),
    changedFields: fieldList.optional(),
    nulledFields: fieldList.optional(),
    diffFields: fieldList.optional(),
  })
  .loose();
export type CdcHeader = z.infer<typeof cdcHeaderSchema>;

/** One change event, read and checked, in a form-independent shape. */
export interface CdcEvent {
  header: CdcHeader;
  /** Record fields: the payload without its `ChangeEventHeader`. */
  body: Record<string, unknown>;
  /** Sparse (CometD) or full (Pub/Sub) body; see the file comment. */
  bodyKind: 'sparse' | 'full';
  replayId?: string;
  channel?: string;
}

/** Reads one event; throws HERALD_CONNECTOR_MALFORMED_EVENT naming the field. */
export function parseCdcEvent(raw: unknown): CdcEvent {
  if (!isObject(raw)) {
    throw malformed('event', 'the event is not a JSON object');
  }

  const envelope = unwrap(raw);
  const { ChangeEventHeader: rawHeader, ...body } = envelope.payload;
  const parsed = cdcHeaderSchema.safeParse(rawHeader);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['ChangeEventHeader', ...issue.path.map(String)].join('.');
    throw malformed(path, `${path}: ${issue.message}`);
  }

  const header = parsed.data;
  const full =
    header.nulledFields !== undefined || header.diffFields !== undefined;
  return {
    header,
    body,
    bodyKind: full ? 'full' : 'sparse',
    ...(envelope.replayId !== undefined ? { replayId: envelope.replayId } : {}),
    ...(envelope.channel !== undefined ? { channel: envelope.channel } : {}),
  };
}

/**
 * How many record ids a raw event names; 0 when it cannot be read (it is
 * refused on its own when applied). For limits across a batch.
 */
export function countRecordIds(raw: unknown): number {
  if (!isObject(raw)) {
    return 0;
  }

  try {
    const header = unwrap(raw).payload.ChangeEventHeader;
    const ids = isObject(header) ? header.recordIds : undefined;
    return Array.isArray(ids) ? ids.length : 0;
  } catch {
    return 0;
  }
}

/** True when a value looks like a change event in one of the two forms. */
export function looksLikeCdcEvent(value: unknown): boolean {
  if (!isObject(value)) {
    return false;
  }

  const payload = isObject(value.data) ? value.data.payload : value.payload;
  return (
    'ChangeEventHeader' in value ||
    (isObject(payload) && 'ChangeEventHeader' in payload)
  );
}

interface Envelope {
  payload: Record<string, unknown>;
  replayId?: string;
  channel?: string;
}

/** Finds the payload, replay id and channel of either form. */
function unwrap(raw: Record<string, unknown>): Envelope {
  if ('ChangeEventHeader' in raw) {
    return { payload: raw, replayId: replayIdOf(raw.replayId) };
  }

  const data = isObject(raw.data) ? raw.data : raw;
  if (!isObject(data.payload)) {
    throw malformed(
      'data.payload',
      'expected a Pub/Sub payload with ChangeEventHeader or a CometD ' +
        'message with data.payload',
    );
  }

  const event = isObject(data.event) ? data.event : {};
  return {
    payload: data.payload,
    replayId: replayIdOf(event.replayId ?? raw.replayId),
    channel: typeof raw.channel === 'string' ? raw.channel : undefined,
  };
}

function replayIdOf(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'string') {
    return String(value);
  }

  return undefined;
}

function malformed(field: string, message: string) {
  return new HeraldError('HERALD_CONNECTOR_MALFORMED_EVENT', message, {
    field,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
