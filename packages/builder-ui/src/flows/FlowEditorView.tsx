import { useMemo, useState } from 'react';
import { validateFlow } from '@herald/engine';
import type { Step } from '@herald/engine';
import type { StepNode } from '../canvas/step-node';
import type {
  CatalogResponse,
  CatalogTemplate,
  FlowDetail,
  FlowProblem,
} from '../api/api-types';
import { CanvasContext } from '../canvas/canvas-context';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { Inspector } from '../inspector/Inspector';
import { describeStep } from '../steps/describe-step';
import type { StepContext } from '../steps/step-context';
import { FlowHistory } from './FlowHistory';
import { FlowToolbar } from './FlowToolbar';
import { ProblemList } from './ProblemList';
import { useFlowActions } from './use-flow-actions';
import { useFlowEditor } from './use-flow-editor';

/** Props of {@link FlowEditorView}. */
export interface FlowEditorViewProps {
  flow: FlowDetail;
  catalog: CatalogResponse;
  /**
   * Only Rollout steps may change, published on the active version (the
   * business role). Default false.
   */
  rolloutOnly?: boolean;
}

/**
 * A Flow's draft on the canvas, with the toolbar above it and, beside it,
 * the inspector of the selected Step or the Flow's versions and Deliveries.
 */
export function FlowEditorView({
  flow,
  catalog,
  rolloutOnly = false,
}: FlowEditorViewProps) {
  const editor = useFlowEditor(flow.draft);
  const [meta, setMeta] = useState(flow);
  const [templates, setTemplates] = useState(catalog.templates);
  const actions = useFlowActions(flow.id, editor.markSaved, setMeta);

  const stepContext = useStepContext(editor.nodes, catalog, templates);
  const { toGraph } = editor;
  const draftProblems = useMemo(
    () =>
      validateFlow(toGraph(), { objectTypes: catalog.objectTypes, templates }),
    [toGraph, catalog.objectTypes, templates],
  );
  // The server's answer to Publish is authoritative until the next edit;
  // otherwise the draft is checked here with the same engine code.
  const publishRefused = actions.state.kind === 'invalid' && !editor.dirty;
  const problems = useMemo(
    () =>
      actions.state.kind === 'invalid' && publishRefused
        ? actions.state.problems
        : draftProblems,
    [actions.state, publishRefused, draftProblems],
  );
  const canvasContext = useMemo(
    () => ({ stepContext, problemsByStep: groupByStep(problems) }),
    [stepContext, problems],
  );

  function stepName(stepId: string): string {
    const node = editor.nodes.find((candidate) => candidate.id === stepId);
    if (!node) {
      return `Step ${stepId}`;
    }

    return describeStep(node.data.step, stepContext).title;
  }

  function handleTemplateSaved(template: CatalogTemplate) {
    setTemplates((current) =>
      current.map((candidate) =>
        candidate.id === template.id ? template : candidate,
      ),
    );
  }

  return (
    <main className="flow-page">
      <FlowToolbar
        flow={meta}
        dirty={editor.dirty}
        actions={actions}
        rolloutOnly={rolloutOnly}
        onSave={() => void actions.save(editor.toGraph())}
        onPublish={() =>
          void (rolloutOnly
            ? actions.publishRollout(editor.toGraph())
            : actions.publish(editor.dirty ? editor.toGraph() : null))
        }
      />
      <div className="flow-page__body">
        <CanvasContext.Provider value={canvasContext}>
          <FlowCanvas
            nodes={editor.nodes}
            edges={editor.edges}
            onNodesChange={editor.onNodesChange}
            onPaneClick={() => editor.selectStep(null)}
          />
        </CanvasContext.Provider>
        <aside className="panel" aria-label="Inspector">
          {problems.length > 0 && (
            <ProblemList
              source={publishRefused ? 'publish' : 'draft'}
              problems={problems}
              stepName={stepName}
              onSelectStep={editor.selectStep}
            />
          )}
          {editor.selectedStep ? (
            <Inspector
              key={editor.selectedStep.id}
              step={editor.selectedStep}
              context={stepContext}
              onChange={(step: Step) => editor.updateStep(step)}
              onTemplateSaved={handleTemplateSaved}
              onClose={() => editor.selectStep(null)}
              readOnly={rolloutOnly && editor.selectedStep.type !== 'rollout'}
            />
          ) : (
            <p className="panel__hint muted">
              Select a step on the canvas to edit it.
            </p>
          )}
          <FlowHistory flow={meta} />
        </aside>
      </div>
    </main>
  );
}

function useStepContext(
  nodes: StepNode[],
  catalog: CatalogResponse,
  templates: CatalogTemplate[],
): StepContext {
  const trigger = nodes.find((node) => node.data.step.type === 'trigger');
  const step = trigger?.data.step;
  const objectTypeName = step?.type === 'trigger' ? step.data.objectType : null;

  return useMemo(
    () => ({
      objectType: catalog.objectTypes.find(
        (objectType) => objectType.name === objectTypeName,
      ),
      templates,
    }),
    [catalog.objectTypes, objectTypeName, templates],
  );
}

function groupByStep(problems: FlowProblem[]): Map<string, FlowProblem[]> {
  const byStep = new Map<string, FlowProblem[]>();
  for (const problem of problems) {
    if (!problem.stepId) {
      continue;
    }

    byStep.set(problem.stepId, [
      ...(byStep.get(problem.stepId) ?? []),
      problem,
    ]);
  }

  return byStep;
}
