import { describe, expect, it } from 'vitest';
import type { ChangeFacts, RuleSet } from './rule-set.js';
import { buildTriggerIndex } from './trigger-index.js';

function ruleSet(
  flowId: string,
  objectType: string,
  changeKinds: RuleSet['trigger']['changeKinds'],
  changedFields: string[] = [],
): RuleSet {
  return {
    schemaVersion: 1,
    flowId,
    version: 1,
    trigger: { objectType, changeKinds, changedFields, semantics: 'state' },
    rules: [],
  };
}

const index = buildTriggerIndex([
  ruleSet('any-shipment-update', 'Shipment', ['update']),
  ruleSet('status-only', 'Shipment', ['update'], ['status']),
  ruleSet('new-orders', 'Order', ['create']),
]);

function change(
  objectType: string,
  kind: ChangeFacts['kind'],
  changedFields: string[],
): ChangeFacts {
  return { objectType, kind, changedFields, recordId: 'r1' };
}

describe('buildTriggerIndex', () => {
  it.each([
    [
      'a status update',
      change('Shipment', 'update', ['status']),
      ['any-shipment-update', 'status-only'],
    ],
    [
      'an update of another field',
      change('Shipment', 'update', ['carrier']),
      ['any-shipment-update'],
    ],
    ['a kind no flow listens to', change('Shipment', 'delete', []), []],
    [
      'another object type',
      change('Order', 'create', ['total']),
      ['new-orders'],
    ],
    ['an unknown object type', change('Boat', 'update', []), []],
  ])(
    'selects by object type, kind and changed fields: %s',
    (_name, c, flows) => {
      expect(index.select(c).map((r) => r.flowId)).toEqual(flows);
    },
  );
});
