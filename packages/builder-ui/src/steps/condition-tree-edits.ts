/**
 * Structural edits of a Condition's test: add and remove comparisons and
 * groups, switch a group between all and any, negate a node. Nodes are
 * addressed as in condition-tree.ts: child indexes from the root, where a
 * `not` has its one child at index 0. Every edit returns a new tree.
 */
import type { ConditionNode } from '@herald/engine';
import { isLeaf } from './condition-tree';

/** How a group combines its children. */
export type GroupKind = 'all' | 'any';

/** The node at `address`; undefined when the address leads nowhere. */
export function nodeAt(
  root: ConditionNode,
  address: number[],
): ConditionNode | undefined {
  let node: ConditionNode | undefined = root;
  for (const index of address) {
    node = node && childrenOf(node)[index];
  }

  return node;
}

/** The children of a group (`not` has one); a leaf has none. */
export function childrenOf(node: ConditionNode): ConditionNode[] {
  if (isLeaf(node)) return [];
  if ('not' in node) return [node.not];

  return 'all' in node ? node.all : node.any;
}

/** A copy of the tree with the node at `address` replaced by `next`. */
export function replaceNode(
  root: ConditionNode,
  address: number[],
  next: ConditionNode,
): ConditionNode {
  if (address.length === 0) {
    return next;
  }

  const [index, ...rest] = address;
  const children = childrenOf(root).map((child, childIndex) =>
    childIndex === index ? replaceNode(child, rest, next) : child,
  );
  return withChildren(root, children);
}

/**
 * Appends `child` to the group at `address`. A comparison or a `not` there
 * is first wrapped in an all-group, so it keeps its meaning.
 */
export function addChild(
  root: ConditionNode,
  address: number[],
  child: ConditionNode,
): ConditionNode {
  const target = nodeAt(root, address);
  if (!target) {
    return root;
  }

  const next =
    isLeaf(target) || 'not' in target
      ? { all: [target, child] }
      : withChildren(target, [...childrenOf(target), child]);
  return replaceNode(root, address, next);
}

/**
 * Removes the node at `address` from its parent. A group left with one
 * child is kept (it may be a not); the root cannot be removed.
 */
export function removeNode(
  root: ConditionNode,
  address: number[],
): ConditionNode {
  if (address.length === 0) {
    return root;
  }

  const parentAddress = address.slice(0, -1);
  const parent = nodeAt(root, parentAddress);
  if (!parent || isLeaf(parent)) {
    return root;
  }

  if ('not' in parent) {
    return removeNode(root, parentAddress);
  }

  const index = address[address.length - 1];
  const children = childrenOf(parent).filter((_, at) => at !== index);
  if (children.length === 0) {
    return root;
  }

  return replaceNode(root, parentAddress, withChildren(parent, children));
}

/** Switches the group at `address` between all and any. */
export function setGroupKind(
  root: ConditionNode,
  address: number[],
  kind: GroupKind,
): ConditionNode {
  const group = nodeAt(root, address);
  if (!group || isLeaf(group) || 'not' in group) {
    return root;
  }

  return replaceNode(root, address, { [kind]: childrenOf(group) } as
    { all: ConditionNode[] } | { any: ConditionNode[] });
}

/** Negates the node at `address`, or removes its `not` when it has one. */
export function toggleNot(
  root: ConditionNode,
  address: number[],
): ConditionNode {
  const node = nodeAt(root, address);
  if (!node) {
    return root;
  }

  const next = !isLeaf(node) && 'not' in node ? node.not : { not: node };
  return replaceNode(root, address, next);
}

function withChildren(
  node: ConditionNode,
  children: ConditionNode[],
): ConditionNode {
  if (isLeaf(node)) return node;
  if ('not' in node) return { not: children[0] ?? node.not };

  return 'all' in node ? { all: children } : { any: children };
}
