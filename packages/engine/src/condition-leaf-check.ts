/**
 * Checks of one Condition leaf against the Catalog: the field exists, the
 * operator applies to its type and fact, and the value fits both.
 */
import type { FieldDef, FieldType, ObjectTypeDef } from './catalog.js';
import { parseDuration } from './date-operators.js';
import { resolveFactField } from './fact-field.js';
import { parseTemporal, toBoolean, toNumber } from './field-value.js';
import type { ConditionLeaf, ConditionNode } from './flow-model.js';
import { flowProblem, type FlowProblem } from './flow-problem.js';
import { findOperator, readRange, type OperatorInfo } from './operators.js';

/** Every problem of the leaves of a Condition test. */
export function checkConditionNode(
  node: ConditionNode,
  stepId: string,
  objectType: ObjectTypeDef | undefined,
  where = 'test',
): FlowProblem[] {
  if ('all' in node) {
    return node.all.flatMap((child, i) =>
      checkConditionNode(child, stepId, objectType, `${where}.all.${i}`),
    );
  }

  if ('any' in node) {
    return node.any.flatMap((child, i) =>
      checkConditionNode(child, stepId, objectType, `${where}.any.${i}`),
    );
  }

  if ('not' in node) {
    return checkConditionNode(node.not, stepId, objectType, `${where}.not`);
  }

  return checkLeaf(node, stepId, objectType, where);
}

function checkLeaf(
  leaf: ConditionLeaf,
  stepId: string,
  objectType: ObjectTypeDef | undefined,
  where: string,
): FlowProblem[] {
  const problem = (
    code: Parameters<typeof flowProblem>[0],
    message: string,
  ) => [flowProblem(code, stepId, message, { field: where })];

  if (leaf.operator === 'isNew') {
    return leaf.fact === 'record'
      ? []
      : problem('HERALD_FLOW_OPERATOR_MISMATCH', 'isNew applies to the record');
  }

  const field = resolveFactField(leaf.fact, leaf.path, objectType);
  if (!field) {
    const message = `${leaf.fact} has no field "${leaf.path}"`;
    const snapshot = leaf.fact === 'record' || leaf.fact === 'prior';
    return objectType || !snapshot
      ? problem('HERALD_FLOW_UNKNOWN_FIELD', message)
      : [];
  }

  const operator = findOperator(field.type, leaf.operator);
  if (!operator) {
    const message = `"${leaf.operator}" does not apply to a ${field.type} field`;
    return problem('HERALD_FLOW_OPERATOR_MISMATCH', message);
  }

  if (operator.recordOnly && leaf.fact !== 'record') {
    const message = `"${leaf.operator}" compares the record with its prior`;
    return problem('HERALD_FLOW_OPERATOR_MISMATCH', message);
  }

  const valueMessage = leaf.valueFact
    ? valueFactMessage(leaf, field, operator, objectType)
    : valueMessageFor(leaf.value, field, operator);
  return valueMessage ? problem('HERALD_FLOW_BAD_VALUE', valueMessage) : [];
}

function valueFactMessage(
  leaf: ConditionLeaf,
  field: FieldDef,
  operator: OperatorInfo,
  objectType: ObjectTypeDef | undefined,
): string | undefined {
  const ref = leaf.valueFact!;
  const other = resolveFactField(ref.fact, ref.path, objectType);
  if (operator.value !== 'single') {
    return `"${operator.name}" cannot compare with another field`;
  }

  if (!other) return `${ref.fact} has no field "${ref.path}"`;

  return family(other.type) === family(field.type)
    ? undefined
    : `cannot compare a ${field.type} field with a ${other.type} field`;
}

/** Why a literal value does not fit a field and operator, if it does not. */
export function valueMessageFor(
  value: unknown,
  field: FieldDef,
  operator: OperatorInfo,
): string | undefined {
  switch (operator.value) {
    case 'none':
      return undefined;
    case 'list':
      if (!Array.isArray(value)) return 'expected a list of values';
      return value.map((item) => singleValueMessage(item, field)).find(Boolean);
    case 'range':
      return readRange(value) ? undefined : 'expected { min, max } numbers';
    case 'duration':
      return parseDuration(value)
        ? undefined
        : 'expected { amount, unit } with unit minutes, hours, days or weeks';
    default:
      return singleValueMessage(value, field);
  }
}

function singleValueMessage(
  value: unknown,
  field: FieldDef,
): string | undefined {
  if (value === undefined || value === null) return 'a value is required';

  switch (field.type) {
    case 'number':
    case 'money':
      return toNumber(value) === undefined ? 'expected a number' : undefined;
    case 'boolean':
      return toBoolean(value) === undefined
        ? 'expected true or false'
        : undefined;
    case 'date':
    case 'datetime':
      return parseTemporal(value)
        ? undefined
        : 'expected a date YYYY-MM-DD or an ISO datetime with offset';
    case 'picklist':
      return field.values && !field.values.includes(value as string)
        ? `"${String(value)}" is not one of ${field.values.join(', ')}`
        : undefined;
    default:
      return ['string', 'number'].includes(typeof value)
        ? undefined
        : 'expected text';
  }
}

function family(type: FieldType): string {
  if (type === 'money') return 'number';

  if (type === 'datetime') return 'date';

  return type;
}
