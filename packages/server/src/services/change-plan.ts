/**
 * Working out the Change an incoming record change would make against a
 * stored snapshot, without writing anything. It follows the rules of
 * `applyRecordChange`: omitted fields keep their value, null clears one,
 * the owner may be omitted once the Record exists and never changes, and
 * an update that changes nothing makes no Change.
 */
import { HeraldError } from '../errors.js';
import {
  diffFields,
  mergeFields,
  type RecordChangeInput,
} from './record-service.js';

/** A Record's stored state as the plan reads it. */
export interface SnapshotState {
  customerId: string;
  fields: Record<string, unknown>;
  deleted: boolean;
}

/** The Change a record change would make. */
export interface ChangePlan {
  kind: 'create' | 'update' | 'delete';
  customerId: string;
  prior: Record<string, unknown> | null;
  current: Record<string, unknown> | null;
  changedFields: string[];
  /** An update that changes no field: no Change, nothing evaluated. */
  unchanged: boolean;
  /** The state the Record is left in. */
  next: SnapshotState;
}

/**
 * Plans `input` (its fields already normalised) against `stored`; throws
 * the HeraldError `applyRecordChange` would.
 */
export function planChange(
  stored: SnapshotState | undefined,
  input: RecordChangeInput,
  fields: Record<string, unknown>,
): ChangePlan {
  const live = stored && !stored.deleted ? stored : undefined;
  if (input.delete) {
    return planDelete(input, live);
  }

  const customerId = ownerOf(input, live);
  const prior = live ? live.fields : null;
  const current = mergeFields(prior ?? {}, fields);
  const changedFields = diffFields(prior ?? {}, current, !live);
  const unchanged = live !== undefined && changedFields.length === 0;
  return {
    kind: live ? 'update' : 'create',
    customerId,
    prior,
    current,
    changedFields,
    unchanged,
    next: { customerId, fields: current, deleted: false },
  };
}

function planDelete(
  input: RecordChangeInput,
  live: SnapshotState | undefined,
): ChangePlan {
  if (!live) {
    throw new HeraldError(
      'HERALD_NOT_FOUND',
      `${input.objectType} ${input.recordId} does not exist`,
      {
        objectType: input.objectType,
        recordId: input.recordId,
        field: 'recordId',
      },
    );
  }

  return {
    kind: 'delete',
    customerId: live.customerId,
    prior: live.fields,
    current: null,
    changedFields: Object.keys(live.fields).sort(),
    unchanged: false,
    next: { ...live, deleted: true },
  };
}

function ownerOf(input: RecordChangeInput, live: SnapshotState | undefined) {
  const customerId = input.customerId ?? live?.customerId;
  if (!customerId) {
    throw new HeraldError(
      'HERALD_BAD_REQUEST',
      'customerId is required for a new record',
      { field: 'customerId' },
    );
  }
  if (live && live.customerId !== customerId) {
    throw new HeraldError(
      'HERALD_RECORD_OWNER_CHANGED',
      `${input.objectType} ${input.recordId} belongs to another customer`,
      { field: 'customerId' },
    );
  }

  return customerId;
}
