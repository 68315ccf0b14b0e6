import { useEffect, useRef, useState } from 'react';
import type { FlowGraph } from '@herald/engine';
import { useApi } from '../api/api-context';
import type { FlowDetail } from '../api/api-types';

/** Where the automatic save of the draft stands. */
export type AutosaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/** Quiet time after the last edit before the draft is saved, in ms. */
export const AUTOSAVE_DELAY_MS = 800;

/** What the autosave needs from the editor. */
export interface AutosaveSource {
  dirty: boolean;
  revision: number;
  toGraph: () => FlowGraph;
  markSaved: (revision?: number) => void;
}

/**
 * Saves the draft by itself a moment after the last edit (a debounced PUT).
 * Turned off with `enabled` false, for users who may not change drafts.
 * `onFlowChanged` receives the Flow as the server has it afterwards.
 */
export function useDraftAutosave(
  flowId: string,
  source: AutosaveSource,
  enabled: boolean,
  onFlowChanged: (flow: FlowDetail) => void,
): AutosaveState {
  const api = useApi();
  const [state, setState] = useState<AutosaveState>('idle');
  const latest = useRef({ source, onFlowChanged });
  latest.current = { source, onFlowChanged };
  const { dirty, revision } = source;

  useEffect(() => {
    if (!enabled || !dirty) {
      return;
    }

    setState('pending');
    const timer = window.setTimeout(() => {
      const { source: current } = latest.current;
      setState('saving');
      api
        .saveFlowDraft(flowId, { graph: current.toGraph() })
        .then((flow) => {
          latest.current.source.markSaved(revision);
          latest.current.onFlowChanged(flow);
          setState('saved');
        })
        .catch(() => setState('failed'));
    }, AUTOSAVE_DELAY_MS);

    return () => window.clearTimeout(timer);
  }, [api, flowId, enabled, dirty, revision]);

  return state;
}
