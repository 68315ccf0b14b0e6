import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { usePrincipal } from '../auth/principal-context';
import { FlowRow } from './FlowRow';
import { ImportFlowButton } from './ImportFlowButton';
import { NewFlowForm } from './NewFlowForm';
import './flow-list.css';

/**
 * Lists every Flow with its status, active version, who changed it last
 * and when, and its Runs and Deliveries (per status) of the last 24 hours.
 */
export function FlowListPage() {
  const flows = useApiResource('flows', (api) => api.listFlows());
  const canEdit = usePrincipal().role === 'admin';

  return (
    <main className="page">
      <div className="page__header">
        <h1>Flows</h1>
        <div className="row-actions">
          <button
            type="button"
            className="button"
            onClick={flows.reload}
            data-testid="flows-refresh"
          >
            Refresh
          </button>
          {canEdit && <ImportFlowButton />}
        </div>
      </div>
      {canEdit && <NewFlowForm />}

      {flows.state === 'loading' && <p className="muted">Loading flows…</p>}
      {flows.state === 'failed' && (
        <ErrorNotice
          error={flows.error}
          action="Loading flows failed"
          onRetry={flows.reload}
        />
      )}
      {flows.state === 'ready' && flows.data.length === 0 && (
        <p className="muted" data-testid="flows-empty">
          No flows yet. Create one above, or through the API.
        </p>
      )}
      {flows.state === 'ready' && flows.data.length > 0 && (
        <table className="table" data-testid="flow-list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Active version</th>
              <th scope="col">Changed</th>
              <th scope="col">Last 24 hours</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {flows.data.map((flow) => (
              <FlowRow
                key={flow.id}
                flow={flow}
                canEdit={canEdit}
                onChanged={flows.reload}
              />
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
