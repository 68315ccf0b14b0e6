import { useMemo, useState } from 'react';
import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { formatTime } from '../app/format-time';
import { CanvasContext } from '../canvas/canvas-context';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { edgesToCanvas, stepsToNodes } from '../canvas/graph-to-canvas';
import type { StepNode } from '../canvas/step-node';
import type { StepContext } from '../steps/step-context';
import type { FlowGraph } from '@herald/engine';
import './version-view.css';

/** Props of {@link VersionView}. */
export interface VersionViewProps {
  flowId: string;
  version: number;
  stepContext: StepContext;
  onClose: () => void;
  /** Makes the version's graph the draft; absent: no restore offered. */
  onRestore?: (graph: FlowGraph) => void;
}

/**
 * One published version's graph on a canvas of its own, over the draft:
 * read-only (steps may be moved to look, nothing is saved).
 */
export function VersionView({
  flowId,
  version,
  stepContext,
  onClose,
  onRestore,
}: VersionViewProps) {
  const loaded = useApiResource(`flow:${flowId}:version:${version}`, (api) =>
    api.getVersion(flowId, version),
  );

  return (
    <section
      className="version-view"
      aria-label={`Version ${version}`}
      data-testid="version-view"
    >
      <header className="version-view__header">
        <h2 className="panel__heading">
          Version {version} <span className="muted">(read-only)</span>
        </h2>
        {loaded.state === 'ready' && (
          <span className="muted">
            {formatTime(loaded.data.publishedAt)}
            {loaded.data.publishedBy ? ` by ${loaded.data.publishedBy}` : ''}
          </span>
        )}
        {onRestore && loaded.state === 'ready' && (
          <button
            type="button"
            className="button"
            onClick={() => onRestore(loaded.data.graph)}
            data-testid="version-restore"
          >
            Restore as draft
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={onClose}
          data-testid="version-view-close"
        >
          Back to the draft
        </button>
      </header>
      {loaded.state === 'failed' && (
        <ErrorNotice
          error={loaded.error}
          action="Loading the version failed"
          onRetry={loaded.reload}
        />
      )}
      {loaded.state === 'loading' && <p className="muted">Loading version…</p>}
      {loaded.state === 'ready' && (
        <VersionCanvas
          graph={loaded.data.graph}
          stepContext={withVersionTemplates(
            stepContext,
            loaded.data.templates ?? [],
          )}
        />
      )}
    </section>
  );
}

/** The step context with Template bodies as the version stored them. */
function withVersionTemplates(
  context: StepContext,
  stored: { id: string; body: string }[],
): StepContext {
  const bodies = new Map(
    stored.map((template) => [template.id, template.body]),
  );
  return {
    ...context,
    templates: context.templates.map((template) => ({
      ...template,
      body: bodies.get(template.id) ?? template.body,
    })),
  };
}

function VersionCanvas({
  graph,
  stepContext,
}: {
  graph: Parameters<typeof stepsToNodes>[0];
  stepContext: StepContext;
}) {
  const [nodes, setNodes] = useState<StepNode[]>(() => stepsToNodes(graph));
  const edges = useMemo(
    () => edgesToCanvas(graph.edges, graph.steps),
    [graph.edges, graph.steps],
  );
  const context = useMemo(
    () => ({ stepContext, problemsByStep: new Map() }),
    [stepContext],
  );

  return (
    <CanvasContext.Provider value={context}>
      <FlowCanvas
        nodes={nodes}
        edges={edges}
        onNodesChange={(changes: NodeChange<StepNode>[]) =>
          setNodes((current) => applyNodeChanges(changes, current))
        }
        onPaneClick={() => undefined}
      />
    </CanvasContext.Provider>
  );
}
