import { createContext, useContext } from 'react';
import type { FlowProblem } from '../api/api-types';
import type { StepContext } from '../steps/step-context';

/** What step nodes need from the page around the canvas. */
export interface CanvasContextValue {
  stepContext: StepContext;
  /** Validation problems by step id; steps with problems are marked. */
  problemsByStep: ReadonlyMap<string, FlowProblem[]>;
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
