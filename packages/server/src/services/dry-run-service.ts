/**
 * Dry runs of record changes: each item's Change is worked out against the
 * stored snapshot, evaluated against the active Rule sets with the engine
 * code the worker runs, and every fired path rendered and routed as the
 * delivery service would; nothing is stored, queued or sent. Within one
 * dry run, later items see what earlier items did to the same Record.
 *
 * Limitation: a dry run ignores Wait steps' timing and quiet hours, and
 * evaluates every item at the same `now`.
 */
import type { Facts, ObjectTypeDef } from '@herald/engine';
import type { Db } from '../db/database.js';
import { HeraldError } from '../errors.js';
import {
  findCustomer,
  type CustomerRow,
} from '../repositories/customer-repository.js';
import { findObjectType } from '../repositories/object-type-repository.js';
import { findRecord } from '../repositories/record-repository.js';
import { planChange, type SnapshotState } from './change-plan.js';
import { toCustomerFact } from './customer-service.js';
import { previewDelivery, type WouldSend } from './delivery-preview.js';
import { evaluateFacts } from './evaluation-service.js';
import type { RecordChangeInput } from './record-service.js';
import { normaliseRecordFields } from './record-fields.js';

/** One item's dry-run answer. */
export interface DryRunOutcome {
  kind: 'create' | 'update' | 'delete';
  changedFields: string[];
  /** True when the item changes nothing, so nothing is evaluated. */
  unchanged: boolean;
  ruleSetsEvaluated: number;
  wouldSend: WouldSend[];
}

/** A dry run over a sequence of items; create one per request. */
export class DryRunSession {
  private readonly snapshots = new Map<string, SnapshotState | undefined>();
  private readonly types = new Map<string, ObjectTypeDef>();
  private readonly now = new Date();

  constructor(private readonly db: Db) {}

  /** Simulates one item; throws the HeraldError a real write would. */
  async simulate(input: RecordChangeInput): Promise<DryRunOutcome> {
    const type = await this.objectType(input.objectType);
    const fields = normaliseRecordFields(type, input.fields ?? {});
    const stored = await this.snapshot(input.objectType, input.recordId);
    const customer =
      input.customerId && !input.delete
        ? await this.requireCustomer(input.customerId)
        : undefined;

    const plan = planChange(stored, input, fields);
    const owner = customer ?? (await this.requireCustomer(plan.customerId));
    this.snapshots.set(keyOf(input.objectType, input.recordId), plan.next);
    const outcome = {
      kind: plan.kind,
      changedFields: plan.changedFields,
      unchanged: plan.unchanged,
    };
    if (plan.unchanged) {
      return { ...outcome, ruleSetsEvaluated: 0, wouldSend: [] };
    }

    const facts: Facts = {
      record: plan.current ?? plan.prior ?? {},
      prior: plan.prior,
      change: {
        kind: plan.kind,
        objectType: input.objectType,
        recordId: input.recordId,
        changedFields: plan.changedFields,
      },
      customer: toCustomerFact(owner),
      now: this.now.toISOString(),
    };
    const { ruleSets, evaluation } = await evaluateFacts(this.db, facts);
    const wouldSend: WouldSend[] = [];
    for (const fired of evaluation.fired) {
      wouldSend.push(await previewDelivery(this.db, fired, facts, owner));
    }

    return { ...outcome, ruleSetsEvaluated: ruleSets.length, wouldSend };
  }

  private async objectType(name: string): Promise<ObjectTypeDef> {
    const cached = this.types.get(name);
    if (cached) {
      return cached;
    }

    const type = await findObjectType(this.db, name);
    if (!type) {
      throw new HeraldError(
        'HERALD_UNKNOWN_OBJECT_TYPE',
        `object type ${name} is not defined`,
        { objectType: name, field: 'objectType' },
      );
    }

    this.types.set(name, type);
    return type;
  }

  /** The Record as this dry run left it, else as stored. */
  private async snapshot(objectType: string, recordId: string) {
    const key = keyOf(objectType, recordId);
    if (this.snapshots.has(key)) {
      return this.snapshots.get(key);
    }

    const row = await findRecord(this.db, objectType, recordId);
    const state = row
      ? {
          customerId: row.customer_id,
          fields: row.fields,
          deleted: row.deleted,
        }
      : undefined;
    this.snapshots.set(key, state);
    return state;
  }

  private async requireCustomer(id: string): Promise<CustomerRow> {
    const customer = await findCustomer(this.db, id);
    if (!customer) {
      throw new HeraldError(
        'HERALD_UNKNOWN_CUSTOMER',
        `customer ${id} does not exist`,
        { field: 'customerId', customerId: id },
      );
    }

    return customer;
  }
}

function keyOf(objectType: string, recordId: string) {
  return `${objectType}\u0000${recordId}`;
}
