/**
 * Herald's comparison operators, one table per field type. Every operator
 * reads its fact value leniently (a missing field is blank, "12.5" is a
 * number) and never throws. The compiler names them `<type>.<operator>` in
 * a Rule set; `createReferenceEngine` registers them with json-rules-engine.
 */
import type { FieldType } from './catalog.js';
import { compareMoments, withinLast, withinNext } from './date-operators.js';
import { isBlank, toBoolean, toNumber, toText } from './field-value.js';
import { rolloutBucket } from './rollout-bucket.js';
import { currenciesAgree, foldCase, sameValue } from './value-equality.js';

/** What an operator compares the fact value with, resolved at run time. */
export interface Operand {
  /** The literal from the Condition, or the value of its `valueFact`. */
  value: unknown;
  ignoreCase: boolean;
  /** ISO instant of the evaluation. */
  now: string;
  /** The Customer's time zone, 'UTC' when unknown. */
  timeZone: string;
  /** The same field in the prior snapshot, for the change operators. */
  prior: unknown;
  /** True when the Change is a create. */
  isNew: boolean;
}

/** The shape of value an operator needs, for the builder's value input. */
export type OperatorValueKind =
  'none' | 'single' | 'list' | 'range' | 'duration';

/** An operator as the builder's operator picker shows it. */
export interface OperatorInfo {
  name: string;
  label: string;
  value: OperatorValueKind;
  /** Change operators only apply to the `record` fact. */
  recordOnly: boolean;
}

/** The test behind one operator: the fact value against the operand. */
export type OperatorTest = (actual: unknown, operand: Operand) => boolean;

interface OperatorDef extends OperatorInfo {
  test: OperatorTest;
}

type Row = [string, string, OperatorValueKind, OperatorTest];

const eq =
  (type: FieldType): OperatorTest =>
  (actual, operand) =>
    sameValue(type, actual, operand.value, operand);

const inList =
  (type: FieldType): OperatorTest =>
  (actual, operand) =>
    Array.isArray(operand.value) &&
    operand.value.some((item) => sameValue(type, actual, item, operand));

const not =
  (test: OperatorTest): OperatorTest =>
  (actual, operand) =>
    !test(actual, operand);

const textRows: Row[] = [
  ['equals', 'is', 'single', eq('text')],
  ['notEquals', 'is not', 'single', not(eq('text'))],
  ['contains', 'contains', 'single', textTest((a, b) => a.includes(b))],
  ['startsWith', 'starts with', 'single', textTest((a, b) => a.startsWith(b))],
  ['endsWith', 'ends with', 'single', textTest((a, b) => a.endsWith(b))],
  ['in', 'is one of', 'list', inList('text')],
  ['notIn', 'is none of', 'list', not(inList('text'))],
];

const numberRows = (type: 'number' | 'money'): Row[] => [
  ['equal', '=', 'single', numberTest(type, (a, b) => a === b)],
  ['notEqual', '≠', 'single', not(numberTest(type, (a, b) => a === b))],
  ['lessThan', '<', 'single', numberTest(type, (a, b) => a < b)],
  ['lessThanInclusive', '≤', 'single', numberTest(type, (a, b) => a <= b)],
  ['greaterThan', '>', 'single', numberTest(type, (a, b) => a > b)],
  ['greaterThanInclusive', '≥', 'single', numberTest(type, (a, b) => a >= b)],
  ['between', 'is between', 'range', betweenTest],
];

const booleanRows: Row[] = [
  ['isTrue', 'is true', 'none', (actual) => toBoolean(actual) === true],
  ['isFalse', 'is false', 'none', (actual) => toBoolean(actual) === false],
];

const picklistRows: Row[] = [
  ['equal', 'is', 'single', eq('picklist')],
  ['notEqual', 'is not', 'single', not(eq('picklist'))],
  ['in', 'is one of', 'list', inList('picklist')],
  ['notIn', 'is none of', 'list', not(inList('picklist'))],
];

const dateRows: Row[] = [
  ['before', 'is before', 'single', momentTest((order) => order < 0)],
  ['after', 'is after', 'single', momentTest((order) => order > 0)],
  ['on', 'is on the day', 'single', momentTest((order) => order === 0, true)],
  [
    'withinNext',
    'is within the next',
    'duration',
    (actual, operand) =>
      withinNext(actual, operand.value, operand.now, operand.timeZone),
  ],
  [
    'withinLast',
    'is within the last',
    'duration',
    (actual, operand) =>
      withinLast(actual, operand.value, operand.now, operand.timeZone),
  ],
];

const blankRows: Row[] = [
  ['isBlank', 'is blank', 'none', (actual) => isBlank(actual)],
  ['isNotBlank', 'is not blank', 'none', (actual) => !isBlank(actual)],
];

const changeRows = (type: FieldType): Row[] => [
  ['changed', 'changed', 'none', changedTest(type)],
  [
    'changedFrom',
    'changed from',
    'single',
    (actual, operand) =>
      changedTest(type)(actual, operand) &&
      sameValue(type, operand.prior, operand.value, operand),
  ],
  [
    'changedTo',
    'changed to',
    'single',
    (actual, operand) =>
      changedTest(type)(actual, operand) &&
      sameValue(type, actual, operand.value, operand),
  ],
  ['isNew', 'record is new', 'none', (_actual, operand) => operand.isNew],
];

const CHANGE_OPERATORS = new Set([
  'changed',
  'changedFrom',
  'changedTo',
  'isNew',
]);

const rowsByType: Record<FieldType, Row[]> = {
  text: textRows,
  number: numberRows('number'),
  money: numberRows('money'),
  boolean: booleanRows,
  picklist: picklistRows,
  date: dateRows,
  datetime: dateRows,
};

const operatorTable = buildTable();

/** Every operator name a Condition may use, across all field types. */
export const operatorNames: string[] = [
  ...new Set(Object.values(operatorTable).flatMap((defs) => [...defs.keys()])),
].sort();

/** The operators that apply to a field type, in picker order, with labels. */
export function operatorsForFieldType(type: FieldType): OperatorInfo[] {
  return [...operatorTable[type].values()].map(
    ({ name, label, value, recordOnly }) => ({
      name,
      label,
      value,
      recordOnly,
    }),
  );
}

/** The operator of a field type with this name, if there is one. */
export function findOperator(
  type: FieldType,
  name: string,
): OperatorInfo | undefined {
  return operatorTable[type].get(name);
}

/** The test function of a field type's operator, if there is one. */
export function findOperatorTest(
  type: FieldType,
  name: string,
): OperatorTest | undefined {
  return operatorTable[type].get(name)?.test;
}

/**
 * Applies a named operator of a field type. An unknown operator is false,
 * as is any value the operator cannot read.
 */
export function evaluateOperator(
  type: FieldType,
  name: string,
  actual: unknown,
  operand: Operand,
): boolean {
  const def = operatorTable[type].get(name);
  if (!def) return false;

  return def.test(actual, operand);
}

/** Operators beyond the field table: rollout membership by bucket. */
export function isInRolloutPercentage(
  customerId: unknown,
  share: { flowId: string; percentage: number },
): boolean {
  const id = toText(customerId);
  if (id === '') return false;

  return rolloutBucket(id, share.flowId) < share.percentage;
}

function buildTable(): Record<FieldType, Map<string, OperatorDef>> {
  const table = {} as Record<FieldType, Map<string, OperatorDef>>;
  for (const type of Object.keys(rowsByType) as FieldType[]) {
    const rows = [...rowsByType[type], ...blankRows, ...changeRows(type)];
    table[type] = new Map(
      rows.map(([name, label, value, test]) => [
        name,
        { name, label, value, test, recordOnly: CHANGE_OPERATORS.has(name) },
      ]),
    );
  }

  return table;
}

function textTest(compare: (actual: string, expected: string) => boolean) {
  return (actual: unknown, operand: Operand): boolean => {
    if (isBlank(actual) || isBlank(operand.value)) return false;

    return compare(
      foldCase(toText(actual), operand.ignoreCase),
      foldCase(toText(operand.value), operand.ignoreCase),
    );
  };
}

function numberTest(
  type: 'number' | 'money',
  compare: (actual: number, expected: number) => boolean,
): OperatorTest {
  return (actual, operand) => {
    const a = toNumber(actual);
    const b = toNumber(operand.value);
    if (a === undefined || b === undefined) return false;

    if (type === 'money' && !currenciesAgree(actual, operand.value)) {
      return false;
    }

    return compare(a, b);
  };
}

function betweenTest(actual: unknown, operand: Operand): boolean {
  const bounds = readRange(operand.value);
  const a = toNumber(actual);
  if (!bounds || a === undefined) return false;

  return a >= Math.min(...bounds) && a <= Math.max(...bounds);
}

/** Reads `[min, max]` or `{ min, max }` as two numbers. */
export function readRange(value: unknown): [number, number] | undefined {
  const pair = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null
      ? [(value as { min?: unknown }).min, (value as { max?: unknown }).max]
      : [];
  if (pair.length !== 2) return undefined;

  const min = toNumber(pair[0]);
  const max = toNumber(pair[1]);
  if (min === undefined || max === undefined) return undefined;

  return [min, max];
}

function momentTest(
  accept: (order: number) => boolean,
  sameDayOnly = false,
): OperatorTest {
  return (actual, operand) => {
    const order = compareMoments(
      actual,
      operand.value,
      operand.timeZone,
      sameDayOnly,
    );

    return order !== undefined && accept(order);
  };
}

function changedTest(type: FieldType): OperatorTest {
  return (actual, operand) =>
    !sameValue(type, actual, operand.prior, {
      ignoreCase: false,
      timeZone: operand.timeZone,
    });
}
