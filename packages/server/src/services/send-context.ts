/**
 * What preparing a batch of sends reads, read once for the whole batch
 * inside its transaction: the Customers (locked, so an opt-out committed
 * first always wins), their Consents and recent sends, the Flows' states,
 * the flow versions and Changes the Templates render with, the Templates'
 * provider forms and the delivery policy.
 */
import type { Db } from '../db/database.js';
import {
  currentConsents,
  type CurrentConsent,
  type CustomerRow,
} from '../repositories/customer-repository.js';
import {
  flowStatuses,
  lockCustomers,
  sentCountsSince,
  templateFormsOf,
} from '../repositories/delivery-batch-repository.js';
import type { DeliveryRow } from '../repositories/delivery-repository.js';
import { findChanges } from '../repositories/record-repository.js';
import { findVersions } from '../repositories/flow-repository.js';
import type { TemplateForms } from '../repositories/template-form-repository.js';
import { loadDeliveryPolicy, type DeliveryPolicy } from './delivery-policy.js';
import type { RenderSources } from './delivery-renderer.js';

const DAY_MS = 24 * 3_600_000;

/** The batch's reads, looked up by key. */
export interface SendContext {
  policy: DeliveryPolicy;
  flowStatus(flowId: string): string | undefined;
  customer(id: string): CustomerRow | undefined;
  consents(customerId: string): CurrentConsent[];
  forms(templateId: string): TemplateForms | null;
  /** Sends to the Customer on `channel` in the last 24 hours. */
  sentToday(customerId: string, channel: string): number;
  /** Counts a send this batch is about to make. */
  noteSend(customerId: string, channel: string): void;
  sources: RenderSources;
}

const WAITING = ['pending', 'deferred', 'scheduled'];

/** Reads what sending `deliveries` needs; locks their Customers. */
export async function loadSendContext(
  db: Db,
  deliveries: DeliveryRow[],
  now: Date,
): Promise<SendContext> {
  const waiting = deliveries.filter((row) => WAITING.includes(row.status));
  const ids = <T>(pick: (row: DeliveryRow) => T | null) => [
    ...new Set(waiting.map(pick).filter((value): value is T => value !== null)),
  ];
  const customerIds = ids((row) => row.customer_id);
  const policy = await loadDeliveryPolicy(db);
  const flows = await flowStatuses(
    db,
    ids((row) => row.flow_id),
  );
  const customers = await lockCustomers(db, customerIds);
  const consents = await currentConsents(db, customerIds);
  const forms = await templateFormsOf(
    db,
    ids((row) => row.template_id),
  );
  const versions = await findVersions(
    db,
    waiting
      .filter((row) => row.flow_id && row.flow_version !== null)
      .map((row) => ({ flowId: row.flow_id!, version: row.flow_version! })),
  );
  const changes = await findChanges(
    db,
    ids((row) => row.change_id),
  );
  const sent =
    policy.frequencyCap === null
      ? new Map<string, number>()
      : await sentCountsSince(
          db,
          customerIds,
          new Date(now.getTime() - DAY_MS),
        );

  return {
    policy,
    flowStatus: (id) => flows.get(id),
    customer: (id) => customers.get(id),
    consents: (id) => consents.get(id) ?? [],
    forms: (id) => forms.get(id) ?? null,
    sentToday: (customerId, channel) =>
      sent.get(`${customerId} ${channel}`) ?? 0,
    noteSend(customerId, channel) {
      const key = `${customerId} ${channel}`;
      sent.set(key, (sent.get(key) ?? 0) + 1);
    },
    sources: {
      version: async (flowId, version) => versions.get(`${flowId}:${version}`),
      change: async (id) => changes.get(id),
    },
  };
}
