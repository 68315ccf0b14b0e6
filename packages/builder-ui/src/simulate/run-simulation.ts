/**
 * Runs a Flow draft on one simulated Change in the browser, with the same
 * engine code the worker runs: compile the draft, evaluate the Change,
 * then render each fired path's Template for every Channel it would try.
 * Nothing is stored and nothing is sent.
 */
import {
  compileFlow,
  evaluateChange,
  measureMessage,
  renderTemplate,
  resolveChannels,
  selectTemplateVariant,
} from '@herald/engine';
import type {
  Catalog,
  ChannelName,
  ConditionTrace,
  Facts,
  FlowGraph,
  FlowProblem,
  MessageMeasure,
  PathEvent,
  PathTrace,
  RenderResult,
  Step,
} from '@herald/engine';
import { stepOutcome, type StepOutcome } from './step-outcome';

/** One Channel's rendering of a fired path's message. */
export interface SimulatedMessage {
  channel: ChannelName;
  render: RenderResult;
  /** How the text measures on the Channel; absent when rendering failed. */
  measure?: MessageMeasure;
  /** The locale variant used; absent for the default body. */
  variant?: string;
}

/** A Condition or Rollout step as one path saw it. */
export interface SimulatedStep {
  stepId: string;
  /** Whether the step's test (or audience) held. */
  outcome: StepOutcome;
  /** The Condition output the path leaves by; absent for a Rollout. */
  branch?: 'true' | 'false';
  /** True when the path needed the other outcome, so it stopped here. */
  blocked: boolean;
  leaves: ConditionTrace[];
}

/** One path of the draft and how the Change fared on it. */
export interface SimulatedPath {
  pathId: string;
  stepIds: string[];
  fired: boolean;
  /** Why a transition path did not fire although its conditions hold. */
  note?: string;
  /** The Trigger's leaves. */
  trigger: ConditionTrace[];
  /** Each Condition and Rollout step on the path, with its leaves. */
  steps: SimulatedStep[];
  /** Transition semantics: the path's leaves read on the prior snapshot. */
  priorConditions?: ConditionTrace[];
  /** The rendered message per Channel; empty unless the path fired. */
  messages: SimulatedMessage[];
}

/** What a simulation found, or why the draft could not run. */
export type SimulationResult =
  | { ok: false; problems: FlowProblem[] }
  | {
      ok: true;
      paths: SimulatedPath[];
      /** Steps on a path that fired. */
      takenSteps: Set<string>;
      /** Joins on a path that fired, as `source>target`. */
      takenJoins: Set<string>;
      /** Condition and Rollout steps that stopped every path through them. */
      failedSteps: Set<string>;
    };

/** Compiles `graph` and evaluates `facts` on it; see the file comment. */
export async function runSimulation(
  graph: FlowGraph,
  flowId: string,
  catalog: Catalog,
  facts: Facts,
): Promise<SimulationResult> {
  const compiled = compileFlow(graph, { flowId, version: 0 }, catalog);
  if (!compiled.ok) {
    return { ok: false, problems: compiled.problems };
  }

  const evaluation = await evaluateChange([compiled.ruleSet], facts);
  const stepsById = new Map(graph.steps.map((step) => [step.id, step]));
  const paths: SimulatedPath[] = [];
  for (const trace of evaluation.trace) {
    const event = evaluation.fired.find(
      (fired) => fired.pathId === trace.pathId,
    );
    const messages = event ? await renderPath(event, catalog, facts) : [];
    paths.push({ ...explainPath(trace, graph, stepsById), messages });
  }

  return { ok: true, paths, ...stepMarks(paths) };
}

function explainPath(
  trace: PathTrace,
  graph: FlowGraph,
  stepsById: Map<string, Step>,
): Omit<SimulatedPath, 'messages'> {
  const stepIds = trace.pathId.split('>');
  const steps = stepIds.flatMap((stepId, index): SimulatedStep[] => {
    const step = stepsById.get(stepId);
    if (!step || (step.type !== 'condition' && step.type !== 'rollout')) {
      return [];
    }

    const leaves = trace.conditions.filter((leaf) => leaf.stepId === stepId);
    const outcome = stepOutcome(step, leaves);
    const branch =
      step.type === 'condition'
        ? branchTaken(graph, stepId, stepIds[index + 1])
        : undefined;
    const needed = branch === 'false' ? 'fail' : 'pass';
    const blocked = outcome !== 'unknown' && outcome !== needed;
    return [{ stepId, outcome, branch, blocked, leaves }];
  });

  return {
    pathId: trace.pathId,
    stepIds,
    fired: trace.fired,
    note: trace.note,
    trigger: trace.conditions.filter((leaf) => leaf.stepId === undefined),
    steps,
    priorConditions: trace.priorConditions,
  };
}

function branchTaken(
  graph: FlowGraph,
  source: string,
  target: string | undefined,
): 'true' | 'false' | undefined {
  const edge = graph.edges.find(
    (candidate) => candidate.source === source && candidate.target === target,
  );
  const handle = edge?.sourceHandle;

  return handle === 'true' || handle === 'false' ? handle : undefined;
}

// A step is marked failed only when it stopped every path through it: a
// Condition on its false path is meant not to hold.
function stepMarks(paths: SimulatedPath[]) {
  const takenSteps = new Set<string>();
  const takenJoins = new Set<string>();
  const passedOnce = new Map<string, boolean>();
  for (const path of paths) {
    if (path.fired) {
      path.stepIds.forEach((stepId, index) => {
        takenSteps.add(stepId);
        if (index > 0) takenJoins.add(`${path.stepIds[index - 1]}>${stepId}`);
      });
    }

    for (const { stepId, blocked } of path.steps) {
      passedOnce.set(stepId, (passedOnce.get(stepId) ?? false) || !blocked);
    }
  }

  const failedSteps = new Set(
    [...passedOnce].filter(([, passed]) => !passed).map(([stepId]) => stepId),
  );
  return { takenSteps, takenJoins, failedSteps };
}

async function renderPath(
  event: PathEvent['params'],
  catalog: Catalog,
  facts: Facts,
): Promise<SimulatedMessage[]> {
  const template = catalog.templates.find(
    (candidate) => candidate.id === event.templateId,
  );
  if (!template) {
    return [];
  }

  const variant = selectTemplateVariant(template, facts.customer.locale);
  const render = await renderTemplate(variant.body, {
    record: facts.record,
    customer: facts.customer,
    prior: facts.prior,
    change: facts.change,
    now: facts.now,
  });
  const channels = resolveChannels(event.channelPolicy, facts.customer);

  return channels.map((channel) => ({
    channel,
    render,
    measure: render.ok ? measureMessage(render.text, channel) : undefined,
    variant: variant.locale,
  }));
}
