import {
  Background,
  Controls,
  ReactFlow,
  type Edge as CanvasEdge,
  type OnNodesChange,
} from '@xyflow/react';
import { stepNodeTypes } from './node-types';
import type { StepNode } from './step-node';

/** Props of {@link FlowCanvas}. */
export interface FlowCanvasProps {
  nodes: StepNode[];
  edges: CanvasEdge[];
  onNodesChange: OnNodesChange<StepNode>;
  /** Called when the user clicks the empty canvas. */
  onPaneClick: () => void;
}

const fitViewOptions = { padding: 0.2, maxZoom: 1 };

/**
 * The Flow drawn on a React Flow canvas. Steps can be moved and selected;
 * connections are shown as they are stored and are not edited here. The
 * parent must give the canvas an explicit height.
 */
export function FlowCanvas({
  nodes,
  edges,
  onNodesChange,
  onPaneClick,
}: FlowCanvasProps) {
  return (
    <div className="canvas" data-testid="flow-canvas">
      <ReactFlow<StepNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={stepNodeTypes}
        onNodesChange={onNodesChange}
        onPaneClick={onPaneClick}
        nodesConnectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.2}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
