import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { FlowEditorView } from './FlowEditorView';

/** Props of {@link FlowPage}. */
export interface FlowPageProps {
  flowId: string;
}

/** Loads one Flow and the catalog, then shows the Flow's editor. */
export function FlowPage({ flowId }: FlowPageProps) {
  const flow = useApiResource(`flow:${flowId}`, (api) => api.getFlow(flowId));
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

  return <FlowEditorView flow={flow.data} catalog={catalog.data} />;
}
