/**
 * One stored leaf condition compiled for the fast evaluator. Identical
 * leaves (the Trigger's tests repeat in every rule of every Flow on an
 * object type, and Flows share many tests) compile to one shared
 * LeafProgram, which evaluates at most once per evaluation scope and keeps
 * compiled Rule sets small.
 */
import { tracedValueFact } from './condition-trace.js';
import {
  factLocation,
  readFact,
  type EvaluationScope,
  type FactLocation,
} from './evaluation-scope.js';
import type { Operand } from './operators.js';
import { OPERAND_FACT } from './reference-engine.js';
import {
  resolveStoredOperator,
  type StoredOperator,
} from './stored-operator.js';

/** What a leaf saw and decided in one scope. */
export interface LeafOutcome {
  actual: unknown;
  /** The resolved right-hand side: a literal, a fact value or an Operand. */
  expected: unknown;
  result: boolean;
}

/** A leaf's right-hand side as stored. */
type ValueSource =
  | { kind: 'literal'; value: unknown }
  | { kind: 'fact'; location: FactLocation }
  | {
      kind: 'operand';
      value: unknown;
      valueFact: FactLocation | undefined;
      prior: FactLocation | undefined;
      ignoreCase: boolean;
    };

type Node = Record<string, unknown>;

const interned = new Map<string, LeafProgram>();
const MAX_INTERNED = 200_000;

/** A compiled leaf; read-only apart from its memory of recent outcomes. */
export class LeafProgram {
  /** Trace fields, as condition-trace.ts derives them. */
  readonly traceFact: string;
  readonly tracePath: string;
  readonly traceOperator: string;
  /** The stored value, traced as expected unless it is an operand. */
  readonly literal: unknown;
  readonly isOperand: boolean;
  /** The other fact an operand compares with, as traced. */
  readonly expectedFact: { fact: string; path: string } | undefined;

  private recentScope = [-1, -1];
  private recentOutcome: [LeafOutcome | undefined, LeafOutcome | undefined] = [
    undefined,
    undefined,
  ];
  private nextSlot = 0;

  /** Use `compileLeafProgram`, which shares identical leaves. */
  constructor(
    leaf: Node,
    private readonly location: FactLocation,
    private readonly operator: StoredOperator,
    private readonly source: ValueSource,
  ) {
    const path = typeof leaf.path === 'string' ? leaf.path : '';
    this.traceFact = leaf.fact as string;
    this.tracePath = path.replace(/^\$\.?/, '');
    this.traceOperator = (leaf.operator as string).replace(/^[a-z]+\./, '');
    this.literal = leaf.value;
    this.isOperand = source.kind === 'operand';
    this.expectedFact = this.isOperand
      ? tracedValueFact((leaf.value as Node).params)
      : undefined;
  }

  /** The outcome in a scope, computed once per scope. */
  evaluate(scope: EvaluationScope): LeafOutcome {
    const slot = this.recentScope.indexOf(scope.id);
    if (slot >= 0) return this.recentOutcome[slot] as LeafOutcome;

    const actual = readFact(scope, this.location);
    const expected = this.readValue(scope);
    const outcome = {
      actual,
      expected,
      result: this.operator(actual, expected) === true,
    };
    this.recentScope[this.nextSlot] = scope.id;
    this.recentOutcome[this.nextSlot] = outcome;
    this.nextSlot = 1 - this.nextSlot;

    return outcome;
  }

  private readValue(scope: EvaluationScope): unknown {
    const source = this.source;
    if (source.kind === 'literal') return source.value;

    if (source.kind === 'fact') return readFact(scope, source.location);

    const operand: Operand = {
      value: source.valueFact
        ? readFact(scope, source.valueFact)
        : source.value,
      ignoreCase: source.ignoreCase,
      now: scope.now,
      timeZone: scope.timeZone,
      prior: source.prior ? readFact(scope, source.prior) : undefined,
      isNew: scope.isNew,
    };
    return operand;
  }
}

/**
 * Compiles a leaf (`fact`, `path`, `operator`, `value`), sharing the
 * program of an identical leaf; undefined when the reference engine would
 * treat the leaf in a way the program does not reproduce.
 */
export function compileLeafProgram(leaf: Node): LeafProgram | undefined {
  const required = ['fact', 'operator', 'value'];
  if (!required.every((name) => Object.hasOwn(leaf, name))) return undefined;

  const key = internKey(leaf);
  const known = key === undefined ? undefined : interned.get(key);
  if (known) return known;

  const location = factLocation(leaf.fact, leaf.path);
  const operator = resolveStoredOperator(leaf.operator);
  const source = valueSource(leaf.value);
  if (!location || !operator || !source) return undefined;

  const program = new LeafProgram(leaf, location, operator, source);
  if (key === undefined) return program;

  if (interned.size >= MAX_INTERNED) interned.clear();
  interned.set(key, program);

  return program;
}

function valueSource(value: unknown): ValueSource | undefined {
  if (!isNode(value) || !Object.hasOwn(value, 'fact')) {
    return { kind: 'literal', value };
  }

  if (value.fact !== OPERAND_FACT) {
    const location = factLocation(value.fact, value.path);
    return location && { kind: 'fact', location };
  }

  if (value.path) return undefined;

  const params = value.params === undefined ? {} : value.params;
  if (!isNode(params)) return undefined;

  return operandSource(params);
}

function operandSource(params: Node): ValueSource | undefined {
  const valueFact = params.valueFact as Node | undefined;
  const valueAt = valueFact
    ? factLocation(valueFact.fact, valueFact.path)
    : undefined;
  const priorAt = params.priorPath
    ? factLocation('prior', params.priorPath)
    : undefined;
  if (valueFact && !valueAt) return undefined;

  if (params.priorPath && !priorAt) return undefined;

  return {
    kind: 'operand',
    value: params.value,
    valueFact: valueAt,
    prior: priorAt,
    ignoreCase: params.ignoreCase === true,
  };
}

// A key equal for leaves that read, compare and trace alike; undefined
// (no sharing) when a value is not plain JSON, which JSON text would blur.
function internKey(leaf: Node): string | undefined {
  const parts = [leaf.fact, leaf.path || '', leaf.operator, leaf.value];
  if (!parts.every(isPlainJson)) return undefined;

  return JSON.stringify(parts);
}

function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string') return true;

  if (typeof value === 'boolean') return true;

  if (typeof value === 'number') {
    return Number.isFinite(value) && !Object.is(value, -0);
  }

  if (Array.isArray(value)) return value.every(isPlainJson);

  if (!isNode(value)) return false;

  if (Object.getPrototypeOf(value) !== Object.prototype) return false;

  return Object.values(value).every(isPlainJson);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
