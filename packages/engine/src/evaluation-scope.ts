/**
 * What compiled rules read during one evaluation: the facts, plus the
 * values every Herald operand shares (now, the Customer's time zone,
 * whether the Change is a create), worked out once per evaluation instead
 * of once per condition. Fact reads follow json-rules-engine's almanac with
 * Herald's path resolver exactly, so compiled rules see what the reference
 * engine sees.
 */
import { OPERAND_FACT } from './reference-engine.js';
import { safeTimeZone } from './time-zone.js';

/** The facts of one evaluation and the operand values derived from them. */
export interface EvaluationScope {
  /** Unique per scope; compiled leaves remember results by it. */
  id: number;
  facts: Readonly<Record<string, unknown>>;
  /** ISO instant operators compare against; the epoch when not a string. */
  now: string;
  /** The Customer's time zone, 'UTC' when unknown. */
  timeZone: string;
  /** True when the Change is a create. */
  isNew: boolean;
}

/** Where a compiled condition reads a value: a fact, and a path in it. */
export interface FactLocation {
  fact: string;
  /** Property names of the path; undefined for the whole fact. */
  names: string[] | undefined;
}

const EPOCH = new Date(0).toISOString();
let lastScopeId = 0;

/**
 * The scope of an evaluation, or undefined when the facts shadow the
 * operand fact, which only the reference engine reproduces.
 */
export function createEvaluationScope(
  facts: object,
): EvaluationScope | undefined {
  const values = facts as Record<string, unknown>;
  if (Object.hasOwn(values, OPERAND_FACT)) return undefined;

  const now = ownFact(values, 'now');
  const customer = ownFact(values, 'customer') as { timeZone?: unknown };
  const change = ownFact(values, 'change') as { kind?: unknown };
  lastScopeId = (lastScopeId + 1) % Number.MAX_SAFE_INTEGER;

  return {
    id: lastScopeId,
    facts: values,
    now: typeof now === 'string' ? now : EPOCH,
    timeZone: safeTimeZone(customer?.timeZone),
    isNew: change?.kind === 'create',
  };
}

/**
 * Where `fact` at `path` (a `$.a.b` path, or none when falsy) is read, or
 * undefined when the reference engine would read the pair in a way
 * `readFact` does not reproduce.
 */
export function factLocation(
  fact: unknown,
  path: unknown,
): FactLocation | undefined {
  if (typeof fact !== 'string' || fact === OPERAND_FACT) return undefined;

  if (!path) return { fact, names: undefined };

  if (typeof path !== 'string') return undefined;

  return { fact, names: pathNames(path) };
}

/**
 * Reads a fact at a location as json-rules-engine's almanac does with
 * Herald's path resolver: a path into a value that is not an object yields
 * the value itself; anything missing on the way is undefined.
 */
export function readFact(
  scope: EvaluationScope,
  location: FactLocation,
): unknown {
  const value = ownFact(scope.facts, location.fact);
  if (!location.names || value === null || typeof value !== 'object') {
    return value;
  }

  let current: unknown = value;
  for (const name of location.names) {
    if (typeof current !== 'object' || current === null) return undefined;

    if (!Object.hasOwn(current, name)) return undefined;

    current = (current as Record<string, unknown>)[name];
  }

  return current;
}

/** The property names of a `$.a.b` path, as Herald's path resolver splits it. */
export function pathNames(path: string): string[] {
  return path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean);
}

function ownFact(facts: Readonly<Record<string, unknown>>, name: string) {
  return Object.hasOwn(facts, name) ? facts[name] : undefined;
}
