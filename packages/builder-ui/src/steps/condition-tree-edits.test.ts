import type { ConditionLeaf, ConditionNode } from '@herald/engine';
import { describe, expect, it } from 'vitest';
import {
  addChild,
  nodeAt,
  removeNode,
  setGroupKind,
  toggleNot,
} from './condition-tree-edits';

const status: ConditionLeaf = {
  fact: 'record',
  path: 'status',
  operator: 'equal',
  value: 'Shipped',
};
const tier: ConditionLeaf = {
  fact: 'customer',
  path: 'tier',
  operator: 'in',
  value: ['VIP'],
};

describe('condition tree edits', () => {
  const cases: {
    name: string;
    edit: (root: ConditionNode) => ConditionNode;
    root: ConditionNode;
    expected: ConditionNode;
  }[] = [
    {
      name: 'adding to a bare comparison wraps both in an all-group',
      root: status,
      edit: (root) => addChild(root, [], tier),
      expected: { all: [status, tier] },
    },
    {
      name: 'adding to a group appends',
      root: { any: [status] },
      edit: (root) => addChild(root, [], tier),
      expected: { any: [status, tier] },
    },
    {
      name: 'adding inside a nested group reaches it by address',
      root: { all: [status, { any: [tier] }] },
      edit: (root) => addChild(root, [1], status),
      expected: { all: [status, { any: [tier, status] }] },
    },
    {
      name: 'removing a child keeps its siblings',
      root: { all: [status, tier] },
      edit: (root) => removeNode(root, [0]),
      expected: { all: [tier] },
    },
    {
      name: 'removing the only child of a not removes the not',
      root: { all: [status, { not: tier }] },
      edit: (root) => removeNode(root, [1, 0]),
      expected: { all: [status] },
    },
    {
      name: 'the root cannot be removed',
      root: status,
      edit: (root) => removeNode(root, []),
      expected: status,
    },
    {
      name: 'a group switches between all and any',
      root: { all: [status, tier] },
      edit: (root) => setGroupKind(root, [], 'any'),
      expected: { any: [status, tier] },
    },
    {
      name: 'not wraps a node and a second not unwraps it',
      root: { all: [status, tier] },
      edit: (root) => toggleNot(toggleNot(root, [1]), [1]),
      expected: { all: [status, tier] },
    },
  ];

  for (const { name, root, edit, expected } of cases) {
    it(name, () => {
      expect(edit(root)).toEqual(expected);
    });
  }

  it('finds nothing at an address that leads nowhere', () => {
    expect(nodeAt({ all: [status] }, [3])).toBeUndefined();
  });
});
