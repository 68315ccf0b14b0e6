import { useDeferredValue, useMemo, useState } from 'react';
import { validateFlow } from '@herald/engine';
import type { FlowGraph, Step, StepType } from '@herald/engine';
import type { StepNode } from '../canvas/step-node';
import type {
  CatalogResponse,
  CatalogTemplate,
  FlowDetail,
  FlowProblem,
} from '../api/api-types';
import { CanvasContext, type CanvasOutput } from '../canvas/canvas-context';
import { EditableFlowCanvas } from '../canvas/EditableFlowCanvas';
import { Inspector } from '../inspector/Inspector';
import {
  TemplateEditsContext,
  useTemplateEdits,
} from '../inspector/template-edits';
import { describeStep } from '../steps/describe-step';
import type { StepContext } from '../steps/step-context';
import { FlowHistory } from './FlowHistory';
import { FlowToolbar } from './FlowToolbar';
import { ProblemList } from './ProblemList';
import { useFlowActions } from './use-flow-actions';
import { AutosaveStatus } from './AutosaveStatus';
import { useDraftAutosave } from './use-draft-autosave';
import { useFlowEditor } from './use-flow-editor';
import { PublishDialog } from './PublishDialog';
import { RolloutOnlyBanner } from './RolloutOnlyBanner';
import { StaleTemplatesBanner } from './StaleTemplatesBanner';
import { useActiveVersion } from './use-active-version';
import { RolloutPathActions } from './RolloutPathActions';
import { VersionView } from './VersionView';
import { SimulatePanel } from '../simulate/SimulatePanel';
import type { SimulationResult } from '../simulate/run-simulation';
import {
  markSimulatedEdges,
  simulationMarks,
} from '../simulate/simulation-marks';

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
  const editor = useFlowEditor(flow.draft, catalog);
  const [meta, setMeta] = useState(flow);
  const [templates, setTemplates] = useState(catalog.templates);
  const templateEdits = useTemplateEdits();
  const actions = useFlowActions(
    flow.id,
    editor.markSaved,
    setMeta,
    handleTemplateSaved,
  );
  const autosave = useDraftAutosave(flow.id, editor, !rolloutOnly, setMeta);
  const dirty = editor.dirty || templateEdits.pending.length > 0;
  const [viewedVersion, setViewedVersion] = useState<number | null>(null);
  const [simulating, setSimulating] = useState(false);
  const [confirmingPublish, setConfirmingPublish] = useState(false);
  const [simulation, setSimulation] = useState<SimulationResult | null>(null);
  const activeVersion = useActiveVersion(flow.id, meta.activeVersion);

  const stepContext = useStepContext(editor.nodes, catalog, templates, flow.id);
  const draftProblems = useDraftProblems(
    editor.structure,
    catalog.objectTypes,
    templates,
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
    () => ({
      stepContext,
      problemsByStep: groupByStep(problems),
      onAddAfter: rolloutOnly
        ? undefined
        : (output: CanvasOutput, type: StepType) =>
            editor.addStep(type, null, output),
      simulation: simulationMarks(simulation),
    }),
    [stepContext, problems, rolloutOnly, editor.addStep, simulation],
  );
  const canvasEditor = useMemo(
    () => ({ ...editor, edges: markSimulatedEdges(editor.edges, simulation) }),
    [editor, simulation],
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
    templateEdits.forget(template.id);
  }

  return (
    <TemplateEditsContext.Provider value={templateEdits}>
      <main className="flow-page">
        <FlowToolbar
          flow={meta}
          dirty={dirty}
          actions={actions}
          rolloutOnly={rolloutOnly}
          onSave={() =>
            void actions.save(editor.toGraph(), templateEdits.pending)
          }
          onPublish={() => setConfirmingPublish(true)}
        />
        {rolloutOnly && <RolloutOnlyBanner />}
        <StaleTemplatesBanner active={activeVersion} templates={templates} />
        {confirmingPublish && (
          <PublishDialog
            flowId={flow.id}
            activeVersion={meta.activeVersion}
            graph={editor.toGraph()}
            problems={draftProblems}
            templates={withPendingText(templates, templateEdits.pending)}
            templateEdits={templateEdits.pending.map((edit) => edit.name)}
            stepContext={stepContext}
            onCancel={() => setConfirmingPublish(false)}
            onConfirm={() => {
              setConfirmingPublish(false);
              void (rolloutOnly
                ? actions.publishRollout(editor.toGraph())
                : actions.publish(
                    editor.dirty ? editor.toGraph() : null,
                    templateEdits.pending,
                  ));
            }}
          />
        )}
        <div className="flow-page__body">
          <CanvasContext.Provider value={canvasContext}>
            <EditableFlowCanvas
              editor={canvasEditor}
              editable={!rolloutOnly}
              onPaneClick={() => editor.selectStep(null)}
              status={
                <>
                  <AutosaveStatus state={autosave} />
                  <button
                    type="button"
                    className="button button--small"
                    aria-pressed={simulating}
                    onClick={() => setSimulating((open) => !open)}
                    data-testid="simulate-open"
                  >
                    Simulate
                  </button>
                </>
              }
            />
          </CanvasContext.Provider>
          {viewedVersion !== null && (
            <VersionView
              key={viewedVersion}
              flowId={flow.id}
              version={viewedVersion}
              stepContext={stepContext}
              onClose={() => setViewedVersion(null)}
              onRestore={
                rolloutOnly
                  ? undefined
                  : (graph) => {
                      // Limitation: the version's Template text is not
                      // restored; the library keeps its current text.
                      editor.replaceGraph(graph);
                      setViewedVersion(null);
                    }
              }
            />
          )}
          <aside className="panel" aria-label="Inspector">
            {simulating && (
              <SimulatePanel
                flowId={flow.id}
                graph={editor.toGraph}
                catalog={{
                  objectTypes: catalog.objectTypes,
                  templates: withPendingText(templates, templateEdits.pending),
                }}
                objectType={stepContext.objectType}
                stepName={stepName}
                onResult={setSimulation}
                onClose={() => setSimulating(false)}
              />
            )}
            {problems.length > 0 && (
              <ProblemList
                source={publishRefused ? 'publish' : 'draft'}
                problems={problems}
                stepName={stepName}
                onSelectStep={editor.selectStep}
              />
            )}
            {rolloutOnly && editor.selectedStep && (
              <RolloutPathActions
                step={editor.selectedStep}
                edges={editor.edges}
                stepName={stepName}
                onAddRollout={editor.addRolloutOnEdge}
                onRemoveRollout={editor.removeRolloutStep}
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
            <FlowHistory flow={meta} onOpenVersion={setViewedVersion} />
          </aside>
        </div>
      </main>
    </TemplateEditsContext.Provider>
  );
}

/**
 * The draft's problems, found with the engine's validator off the first
 * paint and off every keystroke: a large Flow takes tens of milliseconds
 * to validate, so React validates the latest graph in the background and
 * shows the canvas first. Keyed on the Steps and joins only: moving or
 * selecting a Step validates nothing again.
 */
function useDraftProblems(
  structure: FlowGraph,
  objectTypes: CatalogResponse['objectTypes'],
  templates: CatalogTemplate[],
): FlowProblem[] {
  const deferred = useDeferredValue<FlowGraph | null>(structure, null);

  return useMemo(
    () => (deferred ? validateFlow(deferred, { objectTypes, templates }) : []),
    [deferred, objectTypes, templates],
  );
}

function useStepContext(
  nodes: StepNode[],
  catalog: CatalogResponse,
  templates: CatalogTemplate[],
  flowId: string,
): StepContext {
  const trigger = nodes.find((node) => node.data.step.type === 'trigger');
  const step = trigger?.data.step;
  const objectTypeName = step?.type === 'trigger' ? step.data.objectType : null;

  return useMemo(
    () => ({
      objectType: catalog.objectTypes.find(
        (objectType) => objectType.name === objectTypeName,
      ),
      objectTypes: catalog.objectTypes,
      templates,
      flowId,
    }),
    [catalog.objectTypes, objectTypeName, templates, flowId],
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

// Simulations render the Template text being edited, saved or not.
function withPendingText(
  templates: CatalogTemplate[],
  pending: CatalogTemplate[],
): CatalogTemplate[] {
  return templates.map(
    (template) =>
      pending.find((edited) => edited.id === template.id) ?? template,
  );
}
