/**
 * Storing many incoming record changes in one transaction, as a batch
 * request or a connector hands them over. Each item is planned on its own
 * (in order, so two changes of one Record chain) and refused on its own;
 * the accepted ones are written together: their Records locked in key
 * order, each Record's final snapshot stored once, the Changes appended
 * and queued for evaluation, with a worker woken up. Commit means every
 * accepted Change will be evaluated; rollback that none was stored.
 */
import type { Db } from '../db/database.js';
import { HeraldError } from '../errors.js';
import { findCustomers } from '../repositories/customer-repository.js';
import { findObjectTypes } from '../repositories/object-type-repository.js';
import {
  claimRecords,
  insertChanges,
  lockRecords,
  saveRecords,
  type RecordKey,
} from '../repositories/record-batch-repository.js';
import { queueEvaluations } from '../repositories/work-queue-repository.js';
import { planChange, type SnapshotState } from './change-plan.js';
import { normaliseRecordFields } from './record-fields.js';
import type { ChangeOutcome, RecordChangeInput } from './record-service.js';

/** One item's result: its Change, or the HeraldError that refused it. */
export type ItemResult =
  { ok: true; outcome: ChangeOutcome } | { ok: false; error: HeraldError };

/** An item whose fields passed its object type's checks. */
interface Checked {
  index: number;
  input: RecordChangeInput;
  fields: Record<string, unknown>;
}

/** Stores `inputs` in one transaction; answers each item's result. */
export async function storeRecordChanges(
  db: Db,
  inputs: RecordChangeInput[],
): Promise<ItemResult[]> {
  const results: ItemResult[] = new Array(inputs.length);
  const checked = await checkFields(db, inputs, results);
  if (checked.length > 0) {
    await db
      .transaction()
      .execute((trx) => storeChecked(trx, checked, results));
  }

  return results;
}

/** Normalises each item's fields; refused items get their result. */
async function checkFields(
  db: Db,
  inputs: RecordChangeInput[],
  results: ItemResult[],
): Promise<Checked[]> {
  const types = await findObjectTypes(db, [
    ...new Set(inputs.map((input) => input.objectType)),
  ]);
  const checked: Checked[] = [];
  for (const [index, input] of inputs.entries()) {
    const type = types.get(input.objectType);
    try {
      if (!type) {
        throw new HeraldError(
          'HERALD_UNKNOWN_OBJECT_TYPE',
          `object type ${input.objectType} is not defined`,
          { objectType: input.objectType, field: 'objectType' },
        );
      }

      const fields = normaliseRecordFields(type, input.fields ?? {});
      checked.push({ index, input, fields });
    } catch (error) {
      results[index] = refused(error);
    }
  }

  return checked;
}

async function storeChecked(db: Db, checked: Checked[], results: ItemResult[]) {
  const customers = await findCustomers(
    db,
    checked.flatMap(({ input }) => input.customerId ?? []),
  );
  // Two first writes of one Record would both see nothing and both record
  // a create: a missing Record is first claimed with a placeholder row
  // (deleted, version 0) that the second writer then waits on.
  await claimRecords(
    db,
    checked.flatMap(({ input }) =>
      input.customerId && !input.delete && customers.has(input.customerId)
        ? [{ ...keyOf(input), customerId: input.customerId }]
        : [],
    ),
  );
  const states = await lockRecords(
    db,
    checked.map(({ input }) => keyOf(input)),
  );

  const changes: PlannedChange[] = [];
  const writes = new Map<string, RecordWrite>();
  for (const item of checked) {
    const key = recordKey(item.input);
    try {
      const planned = plan(item, states.get(key), customers);
      results[item.index] = { ok: true, outcome: planned.outcome };
      if (planned.change) {
        states.set(key, planned.change.next);
        changes.push({ ...planned.change, index: item.index });
        const write = writes.get(key);
        writes.set(key, {
          ...keyOf(item.input),
          ...planned.change.next,
          changes: (write?.changes ?? 0) + 1,
        });
      }
    } catch (error) {
      results[item.index] = refused(error);
    }
  }

  await saveRecords(db, [...writes.values()]);
  const ids = await insertChanges(
    db,
    changes.map((change) => change.row),
  );
  changes.forEach((change, position) => {
    const result = results[change.index];
    if (result.ok) {
      result.outcome.changeId = ids[position];
    }
  });
  await queueEvaluations(db, ids);
}

/** A Change to append, and the state it leaves its Record in. */
interface PlannedChange {
  index: number;
  next: SnapshotState;
  row: Parameters<typeof insertChanges>[1][number];
}

/** A Record's final snapshot after this batch. */
type RecordWrite = RecordKey & SnapshotState & { changes: number };

function plan(
  { input, fields }: Checked,
  stored: SnapshotState | undefined,
  customers: Map<string, unknown>,
): { outcome: ChangeOutcome; change?: Omit<PlannedChange, 'index'> } {
  if (input.customerId && !input.delete && !customers.has(input.customerId)) {
    throw new HeraldError(
      'HERALD_UNKNOWN_CUSTOMER',
      `customer ${input.customerId} does not exist`,
      { field: 'customerId', customerId: input.customerId },
    );
  }

  const planned = planChange(stored, input, fields);
  const outcome: ChangeOutcome = {
    changeId: null,
    kind: planned.kind,
    changedFields: planned.changedFields,
  };
  if (planned.unchanged) {
    return { outcome };
  }

  return {
    outcome,
    change: {
      next: planned.next,
      row: {
        objectType: input.objectType,
        recordId: input.recordId,
        customerId: planned.customerId,
        kind: planned.kind,
        prior: planned.prior,
        current: planned.current,
        changedFields: planned.changedFields,
        source: input.source ?? 'api',
        sourceRef: input.sourceRef,
        occurredAt: input.occurredAt,
      },
    },
  };
}

function refused(error: unknown): ItemResult {
  if (error instanceof HeraldError) {
    return { ok: false, error };
  }

  throw error;
}

function keyOf(input: RecordChangeInput): RecordKey {
  return { objectType: input.objectType, recordId: input.recordId };
}

function recordKey(input: RecordChangeInput) {
  return `${input.objectType}\u0000${input.recordId}`;
}
