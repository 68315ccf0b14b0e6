/**
 * Compiles a Flow version into its Rule set: one json-rules-engine rule per
 * path from the Trigger to a Channel step. A rule's conditions are
 * `{ all: [trigger, path] }`, named so the evaluator can check the path
 * alone against the prior snapshot for transition semantics.
 */
import type { RuleProperties } from 'json-rules-engine';
import type { Catalog, ObjectTypeDef } from './catalog.js';
import {
  compileConditionNode,
  compileRollout,
  type RuleCondition,
} from './condition-compiler.js';
import {
  compareText,
  enumeratePaths,
  pathIdOf,
  viewFlowGraph,
  type PathStep,
} from './flow-graph.js';
import {
  changeKinds,
  type FlowGraph,
  type Step,
  type TriggerStep,
} from './flow-model.js';
import type { FlowProblem } from './flow-problem.js';
import { validateFlow } from './flow-validator.js';
import {
  RULE_SET_SCHEMA_VERSION,
  type PathEvent,
  type RuleSet,
  type RuleSetTrigger,
} from './rule-set.js';

/** Name of the trigger part of every compiled rule's conditions. */
export const TRIGGER_CONDITION = 'trigger';
/** Name of the path part: what must hold, apart from the Trigger. */
export const PATH_CONDITION = 'path';
/** Prefix of the name each Condition and Rollout step's test carries. */
export const STEP_CONDITION_PREFIX = 'step:';

/** Identifies the Flow version being compiled. */
export interface CompileMeta {
  flowId: string;
  version: number;
}

/** A Rule set, or every problem that stopped the compile. */
export type CompileResult =
  { ok: true; ruleSet: RuleSet } | { ok: false; problems: FlowProblem[] };

/**
 * Validates and compiles a Flow version. The same graph always compiles to
 * byte-identical JSON: rules are ordered by path id.
 */
export function compileFlow(
  graph: FlowGraph,
  meta: CompileMeta,
  catalog: Catalog,
): CompileResult {
  const problems = validateFlow(graph, catalog);
  if (problems.length > 0) return { ok: false, problems };

  const view = viewFlowGraph(graph);
  const trigger = view.triggers[0] as TriggerStep;
  const objectType = catalog.objectTypes.find(
    (type) => type.name === trigger.data.objectType,
  ) as ObjectTypeDef;
  const paths = (enumeratePaths(view, trigger) ?? [])
    .map((path) => ({ path, pathId: pathIdOf(path) }))
    .sort((a, b) => compareText(a.pathId, b.pathId));

  const ruleTrigger = compileTrigger(trigger);
  const rules = paths.map(({ path, pathId }) => ({
    name: pathId,
    conditions: {
      all: [
        { name: TRIGGER_CONDITION, all: triggerConditions(ruleTrigger) },
        { name: PATH_CONDITION, all: pathConditions(path, objectType, meta) },
      ],
    } as RuleProperties['conditions'],
    event: pathEvent(path, pathId, meta),
  }));

  return {
    ok: true,
    ruleSet: {
      schemaVersion: RULE_SET_SCHEMA_VERSION,
      flowId: meta.flowId,
      version: meta.version,
      trigger: ruleTrigger,
      rules,
    },
  };
}

function compileTrigger(step: TriggerStep): RuleSetTrigger {
  const kinds = new Set(step.data.changeKinds);
  const fields = new Set(step.data.changedFields ?? []);

  return {
    objectType: step.data.objectType,
    changeKinds: changeKinds.filter((kind) => kinds.has(kind)),
    changedFields: [...fields].sort(compareText),
    semantics: step.data.semantics ?? 'state',
  };
}

function triggerConditions(trigger: RuleSetTrigger): RuleCondition[] {
  const conditions: RuleCondition[] = [
    {
      fact: 'change',
      path: '$.objectType',
      operator: 'equal',
      value: trigger.objectType,
    },
    {
      fact: 'change',
      path: '$.kind',
      operator: 'in',
      value: trigger.changeKinds,
    },
  ];
  if (trigger.changedFields.length === 0) return conditions;

  const anyChanged = trigger.changedFields.map((field) => ({
    fact: 'change',
    path: '$.changedFields',
    operator: 'contains',
    value: field,
  }));
  return [...conditions, { any: anyChanged }];
}

function pathConditions(
  path: PathStep[],
  objectType: ObjectTypeDef,
  meta: CompileMeta,
): RuleCondition[] {
  const conditions: RuleCondition[] = [];
  for (const { step, handle } of path) {
    const name = `${STEP_CONDITION_PREFIX}${step.id}`;
    if (step.type === 'rollout') {
      conditions.push({ name, all: [compileRollout(step, meta.flowId)] });
    }

    if (step.type !== 'condition') continue;

    const test = compileConditionNode(step.data.test, objectType);
    conditions.push(
      handle === 'false' ? { name, not: test } : { name, all: [test] },
    );
  }

  return conditions;
}

function pathEvent(
  path: PathStep[],
  pathId: string,
  meta: CompileMeta,
): PathEvent {
  const steps = path.map((entry) => entry.step);
  const template = lastOfType(steps, 'template');
  const channel = steps[steps.length - 1] as Extract<Step, { type: 'channel' }>;
  const waits = steps.filter((step) => step.type === 'wait');

  return {
    type: 'deliver',
    params: {
      flowId: meta.flowId,
      version: meta.version,
      pathId,
      templateStepId: template.id,
      templateId: template.data.templateId,
      urgent: template.data.urgent === true,
      channelStepId: channel.id,
      channelPolicy: channel.data,
      waitStepIds: waits.map((wait) => wait.id),
      waits: waits.map((wait) => ({ stepId: wait.id, ...wait.data })),
    },
  };
}

function lastOfType<T extends Step['type']>(
  steps: Step[],
  type: T,
): Extract<Step, { type: T }> {
  const found = [...steps].reverse().find((step) => step.type === type);

  return found as Extract<Step, { type: T }>;
}
