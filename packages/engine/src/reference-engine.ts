/**
 * The reference evaluator: a json-rules-engine Engine loaded with a stored
 * Rule set as it is, plus Herald's operators and the operand fact. Any
 * faster evaluator must decide exactly as this one does.
 */
import { Engine, type Almanac, type RuleProperties } from 'json-rules-engine';
import { fieldTypes, type FieldType } from './catalog.js';
import type { FactName } from './flow-model.js';
import {
  evaluateOperator,
  isInRolloutPercentage,
  operatorsForFieldType,
  type Operand,
} from './operators.js';
import type { RuleSet } from './rule-set.js';
import { safeTimeZone } from './time-zone.js';

/** Name of the fact every Herald condition reads its operand from. */
export const OPERAND_FACT = 'heraldOperand';

/** Name of the rollout percentage operator. */
export const ROLLOUT_OPERATOR = 'rollout.inPercentage';

/** What a compiled condition asks the operand fact to resolve. */
export interface OperandParams {
  /** The literal to compare with. */
  value?: unknown;
  /** Compare with another fact instead; `path` is a `$.field` path. */
  valueFact?: { fact: FactName; path: string };
  ignoreCase?: boolean;
  /** `$.field` path of the same field in the prior snapshot. */
  priorPath?: string;
}

/** Builds a json-rules-engine Engine that runs one Rule set's rules. */
export function createReferenceEngine(ruleSet: Pick<RuleSet, 'rules'>): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    pathResolver: resolveFactPath,
  });
  registerHeraldOperators(engine);
  engine.addFact(OPERAND_FACT, resolveOperand);
  for (const rule of ruleSet.rules) engine.addRule(rule as RuleProperties);

  return engine;
}

/** The compiled name of a field operator: `<field type>.<operator>`. */
export function compiledOperatorName(type: FieldType, name: string): string {
  return `${type}.${name}`;
}

/**
 * Reads a `$.a.b` path through own properties only; anything missing on
 * the way is undefined, which operators read as blank.
 */
export function resolveFactPath(value: object, path: string): unknown {
  const names = path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean);
  let current: unknown = value;
  for (const name of names) {
    if (typeof current !== 'object' || current === null) return undefined;

    if (!Object.prototype.hasOwnProperty.call(current, name)) return undefined;

    current = (current as Record<string, unknown>)[name];
  }

  return current;
}

function registerHeraldOperators(engine: Engine): void {
  for (const type of fieldTypes) {
    for (const { name } of operatorsForFieldType(type)) {
      engine.addOperator(
        compiledOperatorName(type, name),
        (actual: unknown, operand: Operand) =>
          evaluateOperator(type, name, actual, operand),
      );
    }
  }

  engine.addOperator(ROLLOUT_OPERATOR, (actual: unknown, operand: Operand) =>
    isInRolloutPercentage(
      actual,
      operand.value as { flowId: string; percentage: number },
    ),
  );
}

async function resolveOperand(
  params: OperandParams,
  almanac: Almanac,
): Promise<Operand> {
  const [now, customer, change] = await Promise.all([
    almanac.factValue<unknown>('now'),
    almanac.factValue<Record<string, unknown> | undefined>('customer'),
    almanac.factValue<{ kind?: unknown } | undefined>('change'),
  ]);
  const value = params.valueFact
    ? await almanac.factValue(params.valueFact.fact, {}, params.valueFact.path)
    : params.value;
  const prior = params.priorPath
    ? await almanac.factValue('prior', {}, params.priorPath)
    : undefined;

  return {
    value,
    ignoreCase: params.ignoreCase === true,
    now: typeof now === 'string' ? now : new Date(0).toISOString(),
    timeZone: safeTimeZone(customer?.timeZone),
    prior,
    isNew: change?.kind === 'create',
  };
}
