import type {
  ConditionLeaf,
  ConditionNode,
  ObjectTypeDef,
} from '@herald/engine';
import { isLeaf } from './condition-tree';
import { fieldLabel, fieldOfFact } from './field-lookup';
import { operatorFor, operatorPhrase } from './operator-info';

/**
 * A Condition's test in plain words, e.g. "Status changes to Shipped" or
 * "Status is Shipped and customer Tier is one of VIP, Platinum".
 */
export function describeCondition(
  node: ConditionNode,
  objectType: ObjectTypeDef | undefined,
): string {
  if (isLeaf(node)) {
    return describeLeaf(node, objectType);
  }

  if ('not' in node) {
    return `not (${describeCondition(node.not, objectType)})`;
  }

  const [children, joiner] =
    'all' in node ? [node.all, ' and '] : [node.any, ' or '];
  if (children.length === 0) {
    return 'all' in node ? 'always' : 'never';
  }

  const parts = children.map((child) => {
    const text = describeCondition(child, objectType);
    return isLeaf(child) ? text : `(${text})`;
  });
  return parts.join(joiner);
}

/** One comparison in plain words: subject, operator phrase, value. */
export function describeLeaf(
  leaf: ConditionLeaf,
  objectType: ObjectTypeDef | undefined,
): string {
  const field = fieldOfFact(leaf.fact, leaf.path, objectType);
  const subject = describeSubject(leaf, fieldLabel(field, leaf.path));
  const operator = operatorFor(field, leaf.operator);

  if (operator.name === 'isNew') {
    return `${objectType?.label ?? objectType?.name ?? 'Record'} is new`;
  }

  const phrase = operatorPhrase(operator);
  if (operator.value === 'none') {
    return `${subject} ${phrase}`;
  }

  const compared = leaf.valueFact
    ? describeFactPath(leaf.valueFact.fact, leaf.valueFact.path)
    : formatValue(leaf.value);
  return `${subject} ${phrase} ${compared}`;
}

function describeSubject(leaf: ConditionLeaf, label: string): string {
  if (leaf.fact === 'record') {
    return label;
  }

  if (leaf.fact === 'prior') {
    return `previous ${label}`;
  }

  return describeFactPath(leaf.fact, leaf.path, label);
}

function describeFactPath(fact: string, path: string, label?: string): string {
  if (path === '') {
    return fact;
  }

  return `${fact} ${label ?? path}`;
}

/** A condition value as the canvas shows it. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '(no value)';
  }

  if (Array.isArray(value)) {
    return value.map(formatValue).join(', ');
  }

  if (isDuration(value)) {
    return `${value.amount} ${value.unit}`;
  }

  if (typeof value === 'object') {
    return JSON.stringify(value);
  }

  return String(value);
}

function isDuration(
  value: unknown,
): value is { amount: unknown; unit: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'amount' in value &&
    typeof (value as { unit?: unknown }).unit === 'string'
  );
}
