import { describe, expect, it } from 'vitest';
import { planChange, type SnapshotState } from './change-plan.js';

const stored: SnapshotState = {
  customerId: 'cust-001',
  fields: { status: 'Packed', carrier: 'UPS' },
  deleted: false,
};
const input = { objectType: 'Shipment', recordId: 'SHP-1' };

describe('planChange', () => {
  it('plans a create with every field changed', () => {
    const plan = planChange(
      undefined,
      { ...input, customerId: 'cust-001' },
      {
        status: 'Packed',
      },
    );
    expect(plan).toMatchObject({
      kind: 'create',
      prior: null,
      current: { status: 'Packed' },
      changedFields: ['status'],
      unchanged: false,
    });
  });

  it('merges an update, a null clearing its field', () => {
    const plan = planChange(stored, input, {
      status: 'Shipped',
      carrier: null,
    });
    expect(plan).toMatchObject({
      kind: 'update',
      customerId: 'cust-001',
      current: { status: 'Shipped' },
      changedFields: ['carrier', 'status'],
    });
  });

  it('marks an update that changes nothing as unchanged', () => {
    const plan = planChange(stored, input, { status: 'Packed' });
    expect(plan).toMatchObject({ unchanged: true, changedFields: [] });
  });

  it('treats a deleted record as new again, needing an owner', () => {
    const plan = planChange(
      { ...stored, deleted: true },
      { ...input, customerId: 'cust-001' },
      { status: 'Pending' },
    );
    expect(plan).toMatchObject({ kind: 'create', prior: null });
  });

  it('plans a delete from the last snapshot', () => {
    const plan = planChange(stored, { ...input, delete: true }, {});
    expect(plan).toMatchObject({
      kind: 'delete',
      prior: stored.fields,
      current: null,
      changedFields: ['carrier', 'status'],
      next: { deleted: true },
    });
  });

  it.each([
    [
      'a delete of a missing record',
      undefined,
      { delete: true },
      'HERALD_NOT_FOUND',
    ],
    ['a new record without an owner', undefined, {}, 'HERALD_BAD_REQUEST'],
    [
      'a change of owner',
      stored,
      { customerId: 'cust-002' },
      'HERALD_RECORD_OWNER_CHANGED',
    ],
  ])('refuses %s', (_name, snapshot, extra, code) => {
    expect(() => planChange(snapshot, { ...input, ...extra }, {})).toThrowError(
      expect.objectContaining({ code }),
    );
  });
});
