import type { ApiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { usePrincipal } from '../auth/principal-context';
import { FlowEditorView } from './FlowEditorView';

/** Props of {@link FlowPage}. */
export interface FlowPageProps {
  flowId: string;
}

/**
 * Loads one Flow and the catalog, then shows the Flow's editor. Business
 * users see the active version instead of the draft, and may change only
 * its Rollout steps.
 */
export function FlowPage({ flowId }: FlowPageProps) {
  const rolloutOnly = usePrincipal().role === 'business';
  const flow = useApiResource(`flow:${flowId}:${rolloutOnly}`, (api) =>
    rolloutOnly ? loadActiveVersion(api, flowId) : api.getFlow(flowId),
  );
  const catalog = useApiResource('catalog', (api) => api.getCatalog());

  if (flow.state === 'failed') {
    return (
      <main className="page">
        <ErrorNotice
          error={flow.error}
          action="Loading the flow failed"
          onRetry={flow.reload}
        />
      </main>
    );
  }

  if (catalog.state === 'failed') {
    return (
      <main className="page">
        <ErrorNotice
          error={catalog.error}
          action="Loading the catalog failed"
          onRetry={catalog.reload}
        />
      </main>
    );
  }

  if (flow.state !== 'ready' || catalog.state !== 'ready') {
    return (
      <main className="page">
        <p className="muted">Loading flow…</p>
      </main>
    );
  }

  return (
    <FlowEditorView
      flow={flow.data}
      catalog={catalog.data}
      rolloutOnly={rolloutOnly}
    />
  );
}

/** The Flow with its active version's graph in place of the draft. */
async function loadActiveVersion(api: ApiClient, flowId: string) {
  const flow = await api.getFlow(flowId);
  if (flow.activeVersion === null) {
    return flow;
  }

  const version = await api.getVersion(flowId, flow.activeVersion);
  return { ...flow, draft: version.graph };
}
