import { useCallback, useMemo, useState } from 'react';
import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import type { FlowGraph, Step } from '@herald/engine';
import { edgesToCanvas, stepsToNodes } from '../canvas/graph-to-canvas';
import type { StepNode } from '../canvas/step-node';

/** The editable state of a Flow draft on the canvas. */
export interface FlowEditor {
  nodes: StepNode[];
  edges: ReturnType<typeof edgesToCanvas>;
  /** The selected Step, when exactly one is selected. */
  selectedStep: Step | null;
  /** True once the draft differs from what was last saved. */
  dirty: boolean;
  onNodesChange: (changes: NodeChange<StepNode>[]) => void;
  /** Replaces a Step's content (matched by id); marks the draft dirty. */
  updateStep: (step: Step) => void;
  /** Selects one Step, or none with null. */
  selectStep: (stepId: string | null) => void;
  /** The draft as a Flow graph, with the nodes' current positions. */
  toGraph: () => FlowGraph;
  /** Marks the current state as saved. */
  markSaved: () => void;
}

/** Holds a Flow draft while the user edits it on the canvas. */
export function useFlowEditor(initial: FlowGraph): FlowEditor {
  const [nodes, setNodes] = useState<StepNode[]>(() => stepsToNodes(initial));
  const [dirty, setDirty] = useState(false);
  const graphEdges = initial.edges;

  const edges = useMemo(
    () => edgesToCanvas(graphEdges, initial.steps),
    [graphEdges, initial.steps],
  );

  const onNodesChange = useCallback((changes: NodeChange<StepNode>[]) => {
    if (changes.some(isEdit)) {
      setDirty(true);
    }

    setNodes((current) => applyNodeChanges(changes, current));
  }, []);

  const updateStep = useCallback((step: Step) => {
    setNodes((current) =>
      current.map((node) =>
        node.id === step.id ? { ...node, data: { step } } : node,
      ),
    );
    setDirty(true);
  }, []);

  const selectStep = useCallback((stepId: string | null) => {
    setNodes((current) =>
      current.map((node) => {
        const selected = node.id === stepId;
        return node.selected === selected ? node : { ...node, selected };
      }),
    );
  }, []);

  const toGraph = useCallback(
    (): FlowGraph => ({
      schemaVersion: initial.schemaVersion,
      steps: nodes.map((node) => ({
        ...node.data.step,
        position: {
          x: Math.round(node.position.x),
          y: Math.round(node.position.y),
        },
      })),
      edges: graphEdges,
    }),
    [nodes, graphEdges, initial.schemaVersion],
  );

  const markSaved = useCallback(() => setDirty(false), []);

  const selectedNodes = nodes.filter((node) => node.selected);
  const selectedStep =
    selectedNodes.length === 1 ? selectedNodes[0].data.step : null;

  return {
    nodes,
    edges,
    selectedStep,
    dirty,
    onNodesChange,
    updateStep,
    selectStep,
    toGraph,
    markSaved,
  };
}

// Moving a Step changes the draft; selecting or measuring one does not.
function isEdit(change: NodeChange<StepNode>): boolean {
  return change.type === 'position' && change.dragging === false;
}
