import {
  useCallback,
  useEffect,
  useRef,
  type DragEvent,
  type ReactNode,
} from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge as CanvasEdge,
  type FinalConnectionState,
} from '@xyflow/react';
import type { StepType } from '@herald/engine';
import type { FlowEditor } from '../flows/use-flow-editor';
import { CanvasToolbar } from './CanvasToolbar';
import { handleCanvasKey } from './canvas-shortcuts';
import { stepNodeTypes } from './node-types';
import { PALETTE_DRAG_TYPE, StepPalette } from './StepPalette';
import type { StepNode } from './step-node';
import { useLayoutMarks, useRenderedMark } from './use-canvas-marks';
import './canvas-editing.css';

/** Props of {@link EditableFlowCanvas}. */
export interface EditableFlowCanvasProps {
  editor: FlowEditor;
  /** Whether Steps may be added, joined, moved or removed. */
  editable: boolean;
  /** Called when the user clicks the empty canvas. */
  onPaneClick: () => void;
  /** Shown at the end of the canvas toolbar, e.g. the autosave state. */
  status?: ReactNode;
}

const fitViewOptions = { padding: 0.2, maxZoom: 1 };
const stepTypes = new Set<string>(Object.keys(stepNodeTypes));

/**
 * The Flow drawn on a React Flow canvas, with the Step palette, a toolbar
 * (undo, redo, layout, fit), a minimap and keyboard shortcuts. The parent
 * must give the canvas an explicit height.
 */
export function EditableFlowCanvas(props: EditableFlowCanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasSurface {...props} />
    </ReactFlowProvider>
  );
}

function CanvasSurface({
  editor,
  editable,
  onPaneClick,
  status,
}: EditableFlowCanvasProps) {
  const flow = useReactFlow<StepNode, CanvasEdge>();
  const hasTrigger = editor.nodes.some((n) => n.data.step.type === 'trigger');

  const fit = useCallback(
    () => void flow.fitView({ ...fitViewOptions, duration: 200 }),
    [flow],
  );
  useFitWhenStepsAdded(editor.nodes.length, fit);
  useRenderedMark(editor.nodes.length);
  const markLayoutStart = useLayoutMarks(editor.nodes);

  const layout = useCallback(() => {
    markLayoutStart();
    editor.layout();
    window.requestAnimationFrame(fit);
  }, [editor, fit, markLayoutStart]);

  function addInView(type: StepType) {
    const bounds = document
      .querySelector('[data-testid="flow-canvas"]')
      ?.getBoundingClientRect();
    const centre = bounds
      ? { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 3 }
      : { x: 0, y: 0 };
    const position = flow.screenToFlowPosition(centre);
    editor.addStep(type, { x: position.x - 130, y: position.y });
  }

  // A connection dropped on a Step's body rather than its input still
  // joins it, or says why it cannot (a Trigger has no input at all).
  function connectOnDrop(
    event: MouseEvent | TouchEvent,
    state: FinalConnectionState,
  ) {
    if (state.isValid || !state.fromNode || !editable) {
      return;
    }

    const target = nodeIdAt(event);
    if (!target || target === state.fromNode.id) {
      return;
    }

    editor.connect({
      source: state.fromNode.id,
      sourceHandle: state.fromHandle?.id ?? null,
      target,
      targetHandle: null,
    });
  }

  function handleDrop(event: DragEvent) {
    const type = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
    if (!editable || !stepTypes.has(type)) {
      return;
    }

    event.preventDefault();
    const position = flow.screenToFlowPosition({
      x: event.clientX,
      y: event.clientY,
    });
    editor.addStep(type as StepType, { x: position.x - 130, y: position.y });
  }

  return (
    <div className="canvas-shell">
      {editable && <StepPalette onAdd={addInView} hasTrigger={hasTrigger} />}
      <div
        className="canvas"
        data-testid="flow-canvas"
        onKeyDown={(event) => {
          if (editable) {
            handleCanvasKey(event, { ...editor, fit, layout });
          }
        }}
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
          }
        }}
        onDrop={handleDrop}
      >
        <CanvasToolbar
          editor={editor}
          editable={editable}
          onFit={fit}
          onLayout={layout}
        >
          {status}
        </CanvasToolbar>
        {editor.notice && (
          <div
            className="canvas-notice"
            role="alert"
            data-testid="canvas-notice"
          >
            {editor.notice}
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={editor.dismissNotice}
            >
              Dismiss
            </button>
          </div>
        )}
        <ReactFlow<StepNode, CanvasEdge>
          nodes={editor.nodes}
          edges={editor.edges}
          nodeTypes={stepNodeTypes}
          onNodesChange={editor.onNodesChange}
          onEdgesChange={editor.onEdgesChange}
          onConnect={editor.connect}
          onConnectEnd={(event, state) => connectOnDrop(event, state)}
          onPaneClick={onPaneClick}
          nodesConnectable={editable}
          nodesDraggable={editable}
          edgesFocusable={editable}
          deleteKeyCode={null}
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          selectionKeyCode="Shift"
          fitView
          fitViewOptions={fitViewOptions}
          minZoom={0.2}
        >
          <Background gap={20} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable ariaLabel="Minimap of the flow" />
        </ReactFlow>
      </div>
    </div>
  );
}

// A Step added below the view would be out of reach; bring it in.
function useFitWhenStepsAdded(count: number, fit: () => void) {
  const previous = useRef(count);
  useEffect(() => {
    const grew = count > previous.current;
    previous.current = count;
    if (!grew) {
      return;
    }

    const timer = window.setTimeout(fit, 30);
    return () => window.clearTimeout(timer);
  }, [count, fit]);
}

function nodeIdAt(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  const element = document.elementFromPoint(point.clientX, point.clientY);
  const node = element?.closest('.react-flow__node');

  return node?.getAttribute('data-id') ?? null;
}
