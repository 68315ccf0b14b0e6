import { useApiResource } from '../api/use-api-resource';
import { routeHref } from '../app/app-route';
import { ErrorNotice } from '../app/ErrorNotice';
import { formatTime } from '../app/format-time';
import { usePrincipal } from '../auth/principal-context';
import { FlowRowActions } from './FlowRowActions';
import { ImportFlowButton } from './ImportFlowButton';
import { NewFlowForm } from './NewFlowForm';
import { StatusBadge } from './StatusBadge';
import './flow-list.css';

/** Lists every Flow with its status, active version and last update. */
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
              <th scope="col">Updated</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {flows.data.map((flow) => {
              const href = routeHref({ page: 'flow', flowId: flow.id });
              return (
                <tr
                  key={flow.id}
                  className="table__row--link"
                  data-testid="flow-row"
                  data-flow-id={flow.id}
                  onClick={() => window.location.assign(href)}
                >
                  <td>
                    <a href={href} className="table__primary">
                      {flow.name}
                    </a>
                    {flow.description && (
                      <div className="muted">{flow.description}</div>
                    )}
                  </td>
                  <td>
                    <StatusBadge status={flow.status} />
                  </td>
                  <td>
                    {flow.activeVersion === null
                      ? '—'
                      : `v${flow.activeVersion}`}
                  </td>
                  <td>
                    {formatTime(latest(flow.updatedAt, flow.draftUpdatedAt))}
                  </td>
                  {canEdit && (
                    <td>
                      <FlowRowActions flow={flow} onChanged={flows.reload} />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}

// A Flow counts as updated when its settings or its draft last changed.
function latest(updatedAt: string, draftUpdatedAt: string | null): string {
  if (!draftUpdatedAt) {
    return updatedAt;
  }

  return Date.parse(draftUpdatedAt) > Date.parse(updatedAt)
    ? draftUpdatedAt
    : updatedAt;
}
