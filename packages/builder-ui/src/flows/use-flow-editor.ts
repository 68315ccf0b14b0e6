import { useCallback, useMemo, useRef, useState } from 'react';
import {
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import type { FlowGraph, ObjectTypeDef, Step, StepType } from '@herald/engine';
import {
  addStep as addStepEdit,
  connectSteps,
  copySelection,
  deleteSelection,
  layOut,
  pasteSteps,
  type CanvasEdit,
  type CopiedSteps,
} from '../canvas/canvas-edits';
import { canvasToGraph, type CanvasState } from '../canvas/canvas-state';
import { insertRollout, removeRollout } from '../canvas/rollout-edits';
import {
  emptyHistory,
  recordEdit,
  redoEdit,
  undoEdit,
} from '../canvas/edit-history';
import { edgesToCanvas, stepsToNodes } from '../canvas/graph-to-canvas';
import { freshStepId, newStep } from '../canvas/new-step';
import type { StepNode } from '../canvas/step-node';
import type { StepContext } from '../steps/step-context';

/** An output of a Step that a new Step can be joined to. */
export interface StepOutput {
  source: string;
  sourceHandle: 'next' | 'true' | 'false';
}

/** The editable state of a Flow draft on the canvas. */
export interface FlowEditor {
  nodes: StepNode[];
  edges: ReturnType<typeof edgesToCanvas>;
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
  /** Replaces a Step's content (matched by id); marks the draft dirty. */
  updateStep: (step: Step) => void;
  /** Selects one Step, or none with null. */
  selectStep: (stepId: string | null) => void;
  deleteSelected: () => void;
  copySelected: () => void;
  paste: () => void;
  undo: () => void;
  redo: () => void;
  /** Lays every Step out again, top to bottom. */
  layout: () => void;
  /** Replaces the whole draft, e.g. with a published version; undoable. */
  replaceGraph: (graph: FlowGraph) => void;
  dismissNotice: () => void;
  /** The draft as a Flow graph, with the nodes' current positions. */
  toGraph: () => FlowGraph;
  /** Marks `revision` (default: the current one) as saved. */
  markSaved: (revision?: number) => void;
}

/** What new Steps are filled in from. */
export interface EditorCatalog {
  objectTypes: ObjectTypeDef[];
  templates: StepContext['templates'];
}

// Copies survive moving between Flows in the same tab.
let clipboard: CopiedSteps | null = null;

// Inspector edits of one Step within this many ms undo together.
const COALESCE_MS = 1000;

/** Holds a Flow draft while the user edits it on the canvas. */
export function useFlowEditor(
  initial: FlowGraph,
  catalog: EditorCatalog,
): FlowEditor {
  const [canvas, setCanvas] = useState<CanvasState>(() => ({
    nodes: stepsToNodes(initial),
    edges: initial.edges,
  }));
  const canvasRef = useRef(canvas);
  const [history, setHistory] = useState(emptyHistory<CanvasState>);
  const historyRef = useRef(history);
  const [selectedEdges, setSelectedEdges] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [savedRevision, setSavedRevision] = useState(0);
  const revisionRef = useRef(0);
  const lastStepEdit = useRef({ stepId: '', at: 0 });
  const dragging = useRef(false);
  const catalogRef = useRef(catalog);
  catalogRef.current = catalog;

  const show = useCallback((state: CanvasState) => {
    canvasRef.current = state;
    setCanvas(state);
  }, []);

  const commit = useCallback(
    (state: CanvasState, record = true) => {
      if (record) {
        historyRef.current = recordEdit(historyRef.current, canvasRef.current);
        setHistory(historyRef.current);
      }

      show(state);
      revisionRef.current += 1;
      setRevision(revisionRef.current);
      setNotice(null);
    },
    [show],
  );

  const apply = useCallback(
    (edit: CanvasEdit) => {
      if (!edit.ok) {
        setNotice(edit.reason);
        return;
      }

      commit(edit.state);
    },
    [commit],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StepNode>[]) => {
      const next = applyNodeChanges(changes, canvasRef.current.nodes);
      const moves = changes.filter((change) => change.type === 'position');
      if (moves.length === 0) {
        show({ ...canvasRef.current, nodes: next });
        return;
      }

      const started = moves.some((move) => move.dragging) && !dragging.current;
      const ended = moves.some((move) => !move.dragging);
      if (started) {
        dragging.current = true;
        historyRef.current = recordEdit(historyRef.current, canvasRef.current);
        setHistory(historyRef.current);
      }

      if (ended) {
        const keyboardMove = !dragging.current;
        dragging.current = false;
        commit({ ...canvasRef.current, nodes: next }, keyboardMove);
        return;
      }

      show({ ...canvasRef.current, nodes: next });
    },
    [commit, show],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    setSelectedEdges((current) => {
      const next = new Set(current);
      for (const change of changes) {
        if (change.type !== 'select') {
          continue;
        }

        if (change.selected) {
          next.add(change.id);
        } else {
          next.delete(change.id);
        }
      }

      return next;
    });
  }, []);

  const connect = useCallback(
    (connection: Connection) => {
      const handle = connection.sourceHandle ?? 'next';
      apply(
        connectSteps(canvasRef.current, {
          source: connection.source,
          target: connection.target,
          sourceHandle: handle as StepOutput['sourceHandle'],
        }),
      );
    },
    [apply],
  );

  const addStep = useCallback(
    (
      type: StepType,
      position: { x: number; y: number } | null,
      from?: StepOutput,
    ) => {
      const taken = new Set(canvasRef.current.nodes.map((node) => node.id));
      const { objectTypes, templates } = catalogRef.current;
      const stepContext: StepContext = {
        objectType: triggerObjectType(canvasRef.current, objectTypes),
        templates,
      };
      const id = freshStepId(type, taken);
      const step = newStep(type, id, stepContext, objectTypes);
      apply(addStepEdit(canvasRef.current, step, position, from));
    },
    [apply],
  );

  const addRolloutOnEdge = useCallback(
    (edgeId: string) => {
      const taken = new Set(canvasRef.current.nodes.map((node) => node.id));
      const id = freshStepId('rollout', taken);
      const rollout: Step = { id, type: 'rollout', data: {} };
      apply(insertRollout(canvasRef.current, edgeId, rollout));
    },
    [apply],
  );

  const removeRolloutStep = useCallback(
    (stepId: string) => apply(removeRollout(canvasRef.current, stepId)),
    [apply],
  );

  const updateStep = useCallback(
    (step: Step) => {
      const now = Date.now();
      const last = lastStepEdit.current;
      const record = last.stepId !== step.id || now - last.at > COALESCE_MS;
      lastStepEdit.current = { stepId: step.id, at: now };
      const nodes = canvasRef.current.nodes.map((node) =>
        node.id === step.id ? { ...node, data: { step } } : node,
      );
      commit({ ...canvasRef.current, nodes }, record);
    },
    [commit],
  );

  const selectStep = useCallback(
    (stepId: string | null) => {
      const nodes = canvasRef.current.nodes.map((node) => {
        const selected = node.id === stepId;
        return node.selected === selected ? node : { ...node, selected };
      });
      show({ ...canvasRef.current, nodes });
      setSelectedEdges(new Set());
    },
    [show],
  );

  const deleteSelected = useCallback(() => {
    const state = canvasRef.current;
    const anything =
      state.nodes.some((node) => node.selected) || selectedEdges.size > 0;
    if (!anything) {
      return;
    }

    commit(deleteSelection(state, selectedEdges));
    setSelectedEdges(new Set());
  }, [commit, selectedEdges]);

  const copySelected = useCallback(() => {
    clipboard = copySelection(canvasRef.current) ?? clipboard;
  }, []);

  const paste = useCallback(() => {
    if (!clipboard) {
      return;
    }

    apply(
      pasteSteps(canvasRef.current, clipboard, (step, taken) =>
        freshStepId(step.type, taken),
      ),
    );
  }, [apply]);

  const travel = useCallback(
    (move: typeof undoEdit) => {
      const moved = move(historyRef.current, canvasRef.current);
      if (!moved) {
        return;
      }

      historyRef.current = moved.history;
      setHistory(moved.history);
      commit(moved.state, false);
    },
    [commit],
  );
  const undo = useCallback(() => travel(undoEdit), [travel]);
  const redo = useCallback(() => travel(redoEdit), [travel]);

  const layout = useCallback(() => commit(layOut(canvasRef.current)), [commit]);
  const replaceGraph = useCallback(
    (graph: FlowGraph) =>
      commit({ nodes: stepsToNodes(graph), edges: graph.edges }),
    [commit],
  );

  const { schemaVersion } = initial;
  const toGraph = useCallback(
    (): FlowGraph => canvasToGraph(canvas, schemaVersion),
    [canvas, schemaVersion],
  );

  const markSaved = useCallback((saved?: number) => {
    setSavedRevision(saved ?? revisionRef.current);
  }, []);

  const steps = useMemo(
    () => canvas.nodes.map((node) => node.data.step),
    [canvas.nodes],
  );
  const edges = useMemo(
    () =>
      edgesToCanvas(canvas.edges, steps).map((edge) => ({
        ...edge,
        selected: selectedEdges.has(edge.id),
      })),
    [canvas.edges, steps, selectedEdges],
  );

  const selectedNodes = canvas.nodes.filter((node) => node.selected);
  const selectedStep =
    selectedNodes.length === 1 ? selectedNodes[0].data.step : null;

  return {
    nodes: canvas.nodes,
    edges,
    selectedStep,
    dirty: revision !== savedRevision,
    revision,
    notice,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    onNodesChange,
    onEdgesChange,
    connect,
    addStep,
    addRolloutOnEdge,
    removeRolloutStep,
    updateStep,
    selectStep,
    deleteSelected,
    copySelected,
    paste,
    undo,
    redo,
    layout,
    replaceGraph,
    dismissNotice: () => setNotice(null),
    toGraph,
    markSaved,
  };
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
