import { useCallback, useMemo, useRef } from 'react';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { Edge, FlowGraph, Step } from '@herald/engine';
import { canvasToGraph } from '../canvas/canvas-state';
import { edgesToCanvas } from '../canvas/graph-to-canvas';
import type { StepNode } from '../canvas/step-node';
import { useCanvasDraft } from './use-canvas-draft';
import { useEdgeSelection } from './use-edge-selection';
import { useNodeChanges } from './use-node-changes';
import {
  useSelectionCommands,
  type SelectionCommands,
} from './use-selection-commands';
import {
  useStepAdditions,
  type EditorCatalog,
  type StepAdditions,
} from './use-step-additions';
import { useStepUpdates, type StepUpdates } from './use-step-updates';

export type { EditorCatalog, StepOutput } from './use-step-additions';

/** The editable state of a Flow draft on the canvas. */
export interface FlowEditor
  extends StepAdditions, SelectionCommands, StepUpdates {
  nodes: StepNode[];
  edges: ReturnType<typeof edgesToCanvas>;
  /**
   * The draft's Steps and edges without positions: a new object only when
   * a Step or an edge changes, not when Steps move, are selected or are
   * measured, so validation and other graph work can key on it.
   */
  structure: FlowGraph;
  /** The selected Step, when exactly one is selected. */
  selectedStep: Step | null;
  /** True once the draft differs from what was last saved. */
  dirty: boolean;
  /** Counts edits; a save is current when it saved this revision. */
  revision: number;
  /** Why the last edit was refused, in plain words; null when none was. */
  notice: string | null;
  canUndo: boolean;
  canRedo: boolean;
  onNodesChange: (changes: NodeChange<StepNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  undo: () => void;
  redo: () => void;
  dismissNotice: () => void;
  /** The draft as a Flow graph, with the nodes' current positions. */
  toGraph: () => FlowGraph;
  /** Marks `revision` (default: the current one) as saved. */
  markSaved: (revision?: number) => void;
}

/** Holds a Flow draft while the user edits it on the canvas. */
export function useFlowEditor(
  initial: FlowGraph,
  catalog: EditorCatalog,
): FlowEditor {
  const draft = useCanvasDraft(initial);
  const edgeSelection = useEdgeSelection();
  const onNodesChange = useNodeChanges(draft);
  const additions = useStepAdditions(draft, catalog);
  const selection = useSelectionCommands(draft, edgeSelection);
  const updates = useStepUpdates(draft);

  const { canvas, setNotice } = draft;
  const { schemaVersion } = initial;
  const toGraph = useCallback(
    (): FlowGraph => canvasToGraph(canvas, schemaVersion),
    [canvas, schemaVersion],
  );
  const dismissNotice = useCallback(() => setNotice(null), [setNotice]);

  const steps = useStableSteps(canvas.nodes);
  const structure = useMemo(
    () => ({ schemaVersion, steps, edges: canvas.edges }),
    [schemaVersion, steps, canvas.edges],
  );
  const edges = useCanvasEdges(
    canvas.edges,
    steps,
    edgeSelection.selectedEdges,
  );
  const selectedNodes = canvas.nodes.filter((node) => node.selected);
  const selectedStep =
    selectedNodes.length === 1 ? selectedNodes[0].data.step : null;

  return {
    ...additions,
    ...selection,
    ...updates,
    nodes: canvas.nodes,
    edges,
    structure,
    selectedStep,
    dirty: draft.dirty,
    revision: draft.revision,
    notice: draft.notice,
    canUndo: draft.canUndo,
    canRedo: draft.canRedo,
    onNodesChange,
    onEdgesChange: edgeSelection.onEdgesChange,
    undo: draft.undo,
    redo: draft.redo,
    dismissNotice,
    toGraph,
    markSaved: draft.markSaved,
  };
}

// The nodes' Steps, as the same array until a Step itself changes: moving,
// selecting and measuring nodes makes new node objects around the same
// Steps, and should not redo work that depends only on the Steps.
function useStableSteps(nodes: StepNode[]): Step[] {
  const previous = useRef<Step[]>([]);

  return useMemo(() => {
    const steps = nodes.map((node) => node.data.step);
    const same =
      steps.length === previous.current.length &&
      steps.every((step, index) => step === previous.current[index]);
    if (!same) {
      previous.current = steps;
    }

    return previous.current;
  }, [nodes]);
}

function useCanvasEdges(
  edges: Edge[],
  steps: Step[],
  selectedEdges: ReadonlySet<string>,
) {
  return useMemo(
    () =>
      edgesToCanvas(edges, steps).map((edge) => ({
        ...edge,
        selected: selectedEdges.has(edge.id),
      })),
    [edges, steps, selectedEdges],
  );
}
