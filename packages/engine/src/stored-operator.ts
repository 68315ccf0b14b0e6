/**
 * The operators a stored Rule set may name, as plain functions: Herald's
 * `<field type>.<operator>` tests and the rollout test (the very functions
 * the reference engine registers), and json-rules-engine's own default
 * operators, which the Trigger part of every rule uses.
 */
import { fieldTypes, type FieldType } from './catalog.js';
import {
  findOperatorTest,
  isInRolloutPercentage,
  type Operand,
} from './operators.js';
import { ROLLOUT_OPERATOR } from './reference-engine.js';

/** One operator: the fact value against the resolved right-hand side. */
export type StoredOperator = (actual: unknown, expected: unknown) => unknown;

type Indexable = { indexOf(item: unknown): number };

// Operator names seen so far; rule sets name a few dozen at most, and
// sharing one function per name keeps compiled programs small.
const resolved = new Map<string, StoredOperator | undefined>();
const MAX_RESOLVED = 1000;

// json-rules-engine's defaults; each validates the fact value, then tests.
const defaultOperators: Record<string, StoredOperator> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as Indexable).indexOf(a) > -1,
  notIn: (a, b) => (b as Indexable).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) =>
    isNumeric(a) && (a as number) >= (b as number),
};

/**
 * The operator a stored condition names, or undefined for a name the
 * reference engine would resolve otherwise (decorated or unknown names).
 */
export function resolveStoredOperator(
  name: unknown,
): StoredOperator | undefined {
  if (typeof name !== 'string') return undefined;

  if (resolved.has(name)) return resolved.get(name);

  const operator = lookUp(name);
  if (resolved.size >= MAX_RESOLVED) resolved.clear();
  resolved.set(name, operator);

  return operator;
}

function lookUp(name: string): StoredOperator | undefined {
  if (Object.hasOwn(defaultOperators, name)) return defaultOperators[name];

  if (name === ROLLOUT_OPERATOR) {
    return (actual, operand) =>
      isInRolloutPercentage(
        actual,
        (operand as Operand).value as { flowId: string; percentage: number },
      );
  }

  const dot = name.indexOf('.');
  const type = name.slice(0, dot) as FieldType;
  if (dot < 0 || !fieldTypes.includes(type)) return undefined;

  const test = findOperatorTest(type, name.slice(dot + 1));
  if (!test) return undefined;

  return (actual, operand) => test(actual, operand as Operand);
}

// json-rules-engine's number check: the value parses as a float.
function isNumeric(value: unknown): boolean {
  return Number.parseFloat(value as string).toString() !== 'NaN';
}
