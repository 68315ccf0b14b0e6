/**
 * Walking and editing a Condition's test: a tree of leaves nested in
 * `all`, `any` and `not` groups. A leaf is addressed by its path of child
 * indexes from the root (`[]` is a bare leaf, `[1, 0]` the first child of the
 * root's second child).
 */
import type { ConditionLeaf, ConditionNode } from '@herald/engine';

/** One leaf of a condition tree with its address. */
export interface AddressedLeaf {
  address: number[];
  leaf: ConditionLeaf;
}

/** Whether a condition node is a comparison rather than a group. */
export function isLeaf(node: ConditionNode): node is ConditionLeaf {
  return !('all' in node) && !('any' in node) && !('not' in node);
}

/** Every leaf of the tree, in reading order. */
export function listLeaves(
  node: ConditionNode,
  address: number[] = [],
): AddressedLeaf[] {
  if (isLeaf(node)) {
    return [{ address, leaf: node }];
  }

  if ('not' in node) {
    return listLeaves(node.not, [...address, 0]);
  }

  const children = 'all' in node ? node.all : node.any;
  return children.flatMap((child, index) =>
    listLeaves(child, [...address, index]),
  );
}

/** A copy of the tree with the leaf at `address` replaced. */
export function replaceLeaf(
  node: ConditionNode,
  address: number[],
  leaf: ConditionLeaf,
): ConditionNode {
  if (address.length === 0) {
    return leaf;
  }

  const [index, ...rest] = address;

  if ('not' in node) {
    return { not: replaceLeaf(node.not, rest, leaf) };
  }

  if ('all' in node) {
    return { all: replaceChild(node.all, index, rest, leaf) };
  }

  if ('any' in node) {
    return { any: replaceChild(node.any, index, rest, leaf) };
  }

  return node;
}

function replaceChild(
  children: ConditionNode[],
  index: number,
  rest: number[],
  leaf: ConditionLeaf,
): ConditionNode[] {
  return children.map((child, childIndex) =>
    childIndex === index ? replaceLeaf(child, rest, leaf) : child,
  );
}
