import { createContext, useContext } from 'react';
import type { StepType } from '@herald/engine';
import type { FlowProblem } from '../api/api-types';
import type { StepContext } from '../steps/step-context';

/** An output of a Step: which Step, and which of its handles. */
export interface CanvasOutput {
  source: string;
  sourceHandle: 'next' | 'true' | 'false';
}

/** What step nodes need from the page around the canvas. */
export interface CanvasContextValue {
  stepContext: StepContext;
  /** Validation problems by step id; steps with problems are marked. */
  problemsByStep: ReadonlyMap<string, FlowProblem[]>;
  /**
   * Adds a Step of `type` joined from `output`; absent when the canvas is
   * read-only, and nodes then offer no add buttons.
   */
  onAddAfter?: (output: CanvasOutput, type: StepType) => void;
  /** The last simulation's marks; absent when none is shown. */
  simulation?: SimulationMarks;
}

/** Steps a simulated Change went through, and steps that stopped it. */
export interface SimulationMarks {
  taken: ReadonlySet<string>;
  failed: ReadonlySet<string>;
}

/** Shares the catalog and publish problems with the step nodes. */
export const CanvasContext = createContext<CanvasContextValue>({
  stepContext: { objectType: undefined, templates: [] },
  problemsByStep: new Map(),
});

/** The canvas context, for step node components. */
export function useCanvasContext(): CanvasContextValue {
  return useContext(CanvasContext);
}
