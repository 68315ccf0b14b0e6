import { useState } from 'react';
import type { FlowGraph } from '@herald/engine';
import type {
  CatalogTemplate,
  FlowDetail,
  FlowProblem,
} from '../api/api-types';
import { useApi } from '../api/api-context';
import { problemsOf } from '../api/problems-of';

/** What the Save draft and Publish buttons are doing or last did. */
export type FlowActionState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'publishing' }
  | { kind: 'published'; version: number }
  | { kind: 'invalid'; problems: FlowProblem[] }
  | { kind: 'failed'; action: string; error: unknown };

/** Save and publish for one Flow, with what the page shows about them. */
export interface FlowActions {
  state: FlowActionState;
  busy: boolean;
  /** Saves unsaved Template edits and the draft; true when all stored. */
  save: (graph: FlowGraph, templates?: CatalogTemplate[]) => Promise<boolean>;
  /**
   * Saves the unsaved Template edits, and the draft when `graph` is given,
   * then publishes it.
   */
  publish: (
    graph: FlowGraph | null,
    templates?: CatalogTemplate[],
  ) => Promise<void>;
  /** Publishes `graph` as Rollout changes on the active version. */
  publishRollout: (graph: FlowGraph) => Promise<void>;
}

/**
 * Runs Save draft and Publish for a Flow. `onFlowChanged` receives the
 * Flow as the server has it afterwards, for its status and versions;
 * `onTemplateSaved` each Template Publish saved on the way.
 */
export function useFlowActions(
  flowId: string,
  onSaved: () => void,
  onFlowChanged: (flow: FlowDetail) => void,
  onTemplateSaved: (template: CatalogTemplate) => void = () => undefined,
): FlowActions {
  const api = useApi();
  const [state, setState] = useState<FlowActionState>({ kind: 'idle' });

  async function store(graph: FlowGraph): Promise<boolean> {
    try {
      const flow = await api.saveFlowDraft(flowId, { graph });
      onSaved();
      onFlowChanged(flow);
      return true;
    } catch (error) {
      setState(failure('Saving the draft failed', error));
      return false;
    }
  }

  async function save(
    graph: FlowGraph,
    templates: CatalogTemplate[] = [],
  ): Promise<boolean> {
    setState({ kind: 'saving' });
    const stored = (await storeTemplates(templates)) && (await store(graph));
    if (stored) {
      setState({ kind: 'saved' });
    }

    return stored;
  }

  async function storeTemplates(templates: CatalogTemplate[]) {
    for (const template of templates) {
      try {
        // No category: the library keeps the one it has.
        const { id, name, body, variants } = template;
        const saved = await api.saveTemplate(id, {
          name,
          body,
          variants: variants ?? {},
        });
        onTemplateSaved({ ...template, ...saved });
      } catch (error) {
        setState(
          failure(`Saving the template “${template.name}” failed`, error),
        );
        return false;
      }
    }

    return true;
  }

  async function publish(
    graph: FlowGraph | null,
    templates: CatalogTemplate[] = [],
  ): Promise<void> {
    setState({ kind: 'publishing' });
    if (!(await storeTemplates(templates))) {
      return;
    }
    if (graph && !(await store(graph))) {
      return;
    }

    try {
      const result = await api.publishFlow(flowId);
      setState({ kind: 'published', version: result.version });
    } catch (error) {
      setState(failure('Publishing failed', error));
      return;
    }

    try {
      onFlowChanged(await api.getFlow(flowId));
    } catch {
      // The version is published; the list refreshes on the next load.
    }
  }

  async function publishRollout(graph: FlowGraph): Promise<void> {
    setState({ kind: 'publishing' });
    try {
      const result = await api.publishRollout(flowId, graph);
      onSaved();
      setState({ kind: 'published', version: result.version });
      onFlowChanged(await api.getFlow(flowId));
    } catch (error) {
      setState(failure('Publishing the rollout failed', error));
    }
  }

  const busy = state.kind === 'saving' || state.kind === 'publishing';
  return { state, busy, save, publish, publishRollout };
}

function failure(action: string, error: unknown): FlowActionState {
  const problems = problemsOf(error);
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }

  return { kind: 'failed', action, error };
}
