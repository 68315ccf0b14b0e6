import { useCallback, useRef } from 'react';
import type { Connection } from '@xyflow/react';
import type { ObjectTypeDef, Step, StepType } from '@herald/engine';
import { addStep as addStepEdit, connectSteps } from '../canvas/canvas-edits';
import type { CanvasState } from '../canvas/canvas-state';
import { freshStepId, newStep } from '../canvas/new-step';
import { insertRollout, removeRollout } from '../canvas/rollout-edits';
import type { StepContext } from '../steps/step-context';
import type { CanvasDraft } from './use-canvas-draft';

/** An output of a Step that a new Step can be joined to. */
export interface StepOutput {
  source: string;
  sourceHandle: 'next' | 'true' | 'false';
}

/** What new Steps are filled in from. */
export interface EditorCatalog {
  objectTypes: ObjectTypeDef[];
  templates: StepContext['templates'];
}

/** Adding Steps and joins to a draft. */
export interface StepAdditions {
  /** Joins an output to a Step, or says why it cannot. */
  connect: (connection: Connection) => void;
  /** Adds a new Step of `type`, placed at `position` or below `from`. */
  addStep: (
    type: StepType,
    position: { x: number; y: number } | null,
    from?: StepOutput,
  ) => void;
  /** Splices a new Rollout step into the edge `edgeId`, selected. */
  addRolloutOnEdge: (edgeId: string) => void;
  /** Removes the Rollout `stepId`, joining its path to the Step after it. */
  removeRolloutStep: (stepId: string) => void;
}

/** Edits that add Steps or joins; each is refused with a notice or kept. */
export function useStepAdditions(
  draft: CanvasDraft,
  catalog: EditorCatalog,
): StepAdditions {
  const { current, apply } = draft;
  const catalogRef = useRef(catalog);
  catalogRef.current = catalog;

  const connect = useCallback(
    (connection: Connection) => {
      const handle = connection.sourceHandle ?? 'next';
      apply(
        connectSteps(current(), {
          source: connection.source,
          target: connection.target,
          sourceHandle: handle as StepOutput['sourceHandle'],
        }),
      );
    },
    [current, apply],
  );

  const addStep = useCallback(
    (
      type: StepType,
      position: { x: number; y: number } | null,
      from?: StepOutput,
    ) => {
      const state = current();
      const { objectTypes, templates } = catalogRef.current;
      const stepContext: StepContext = {
        objectType: triggerObjectType(state, objectTypes),
        templates,
      };
      const id = freshStepId(type, takenIds(state));
      const step = newStep(type, id, stepContext, objectTypes);
      apply(addStepEdit(state, step, position, from));
    },
    [current, apply],
  );

  const addRolloutOnEdge = useCallback(
    (edgeId: string) => {
      const id = freshStepId('rollout', takenIds(current()));
      const rollout: Step = { id, type: 'rollout', data: {} };
      apply(insertRollout(current(), edgeId, rollout));
    },
    [current, apply],
  );

  const removeRolloutStep = useCallback(
    (stepId: string) => apply(removeRollout(current(), stepId)),
    [current, apply],
  );

  return { connect, addStep, addRolloutOnEdge, removeRolloutStep };
}

function takenIds(state: CanvasState): Set<string> {
  return new Set(state.nodes.map((node) => node.id));
}

function triggerObjectType(
  state: CanvasState,
  objectTypes: ObjectTypeDef[],
): ObjectTypeDef | undefined {
  const trigger = state.nodes.find((node) => node.data.step.type === 'trigger');
  const step = trigger?.data.step;
  if (step?.type !== 'trigger') {
    return undefined;
  }

  return objectTypes.find((type) => type.name === step.data.objectType);
}
