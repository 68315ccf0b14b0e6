/**
 * A Rule set: what one published Flow version compiles to, stored in
 * `flow_versions.rule_set` and run by the worker. `rules` are plain
 * json-rules-engine rule objects, so the stored form can be loaded into a
 * json-rules-engine `Engine` as it is.
 */
import type { RuleProperties } from 'json-rules-engine';
import type { ChangeKind, ChannelPolicy, FactName } from './flow-model.js';
import type { PathWait } from './wait-schedule.js';

/** Current version of the stored Rule set format. */
export const RULE_SET_SCHEMA_VERSION = 1;

export interface RuleSetTrigger {
  objectType: string;
  changeKinds: ChangeKind[];
  /** Empty means any field. */
  changedFields: string[];
  semantics: 'state' | 'transition';
}

/** The event a rule fires: one path from the Trigger to a Channel step. */
export interface PathEvent {
  type: 'deliver';
  params: {
    flowId: string;
    version: number;
    /** Step ids from Trigger to Channel, joined by '>'. */
    pathId: string;
    templateStepId: string;
    templateId: string;
    urgent: boolean;
    channelStepId: string;
    channelPolicy: ChannelPolicy;
    /** Wait steps on the path, in order; empty when none. */
    waitStepIds: string[];
    /**
     * The same Wait steps with their data, for `computePathSendAt`.
     * Absent in Rule sets compiled before it was added.
     */
    waits?: PathWait[];
  };
}

export interface RuleSet {
  schemaVersion: typeof RULE_SET_SCHEMA_VERSION;
  flowId: string;
  version: number;
  trigger: RuleSetTrigger;
  rules: (RuleProperties & { name: string; event: PathEvent })[];
}

/** A Change as the engine sees it. Snapshots are plain field maps. */
export interface ChangeFacts {
  kind: ChangeKind;
  objectType: string;
  recordId: string;
  changedFields: string[];
}

/** The facts one evaluation reads. `prior` is null for a create. */
export interface Facts {
  record: Record<string, unknown>;
  prior: Record<string, unknown> | null;
  change: ChangeFacts;
  customer: Record<string, unknown>;
  /** ISO 8601 instant the evaluation happens at. */
  now: string;
}

/** One leaf condition as evaluated: what it saw and what it decided. */
export interface ConditionTrace {
  fact: FactName | string;
  path: string;
  operator: string;
  expected: unknown;
  actual: unknown;
  result: boolean;
  /** The Condition or Rollout step the leaf belongs to; absent for the Trigger. */
  stepId?: string;
  /** The field's value in the prior snapshot, for the change operators. */
  prior?: unknown;
  /** The fact `expected` was read from, when compared with another fact. */
  expectedFact?: { fact: string; path: string };
}

/** The explain trace of one rule (one path) of one Rule set. */
export interface PathTrace {
  flowId: string;
  version: number;
  pathId: string;
  fired: boolean;
  /** Why a transition rule did not fire although its conditions hold. */
  note?: string;
  conditions: ConditionTrace[];
  /**
   * Transition semantics: the path's conditions (not the Trigger's) read
   * against the prior snapshot. Present only when that check ran.
   */
  priorConditions?: ConditionTrace[];
}

export interface Evaluation {
  fired: PathEvent['params'][];
  trace: PathTrace[];
}
