import { useState } from 'react';
import { listRuns } from '../api/activity-api';
import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { formatTime } from '../app/format-time';
import { RunDetail } from './RunDetail';
import '../simulate/simulate.css';
import './run-history.css';

/**
 * Every recent Change and what Herald made of it: which Flows ran, the
 * explain trace per path, and the Deliveries the Change made.
 */
export function RunHistoryPage() {
  const runs = useApiResource('runs', () => listRuns({ limit: 100 }));
  const flows = useApiResource('flows', (api) => api.listFlows());
  const [openRunId, setOpenRunId] = useState<string | null>(null);
  const names = new Map(
    flows.state === 'ready'
      ? flows.data.map((flow) => [flow.id, flow.name])
      : [],
  );
  const flowName = (flowId: string) => names.get(flowId) ?? flowId;
  const open =
    runs.state === 'ready'
      ? runs.data.find((run) => run.id === openRunId)
      : undefined;

  return (
    <main className="page run-history">
      <div className="page__header">
        <h1>Runs</h1>
        <button
          type="button"
          className="button"
          onClick={runs.reload}
          data-testid="runs-refresh"
        >
          Refresh
        </button>
      </div>
      <p className="muted">
        Each change Herald evaluated, newest first. Open one for its explain
        trace and deliveries.
      </p>
      {runs.state === 'loading' && <p className="muted">Loading runs…</p>}
      {runs.state === 'failed' && (
        <ErrorNotice
          error={runs.error}
          action="Loading runs failed"
          onRetry={runs.reload}
        />
      )}
      <div className="run-history__body">
        {runs.state === 'ready' && (
          <table className="table" data-testid="run-list">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Record</th>
                <th scope="col">Change</th>
                <th scope="col">Flows</th>
                <th scope="col">Fired</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((run) => (
                <tr
                  key={run.id}
                  className={
                    run.id === openRunId
                      ? 'table__row--link run-history__row--open'
                      : 'table__row--link'
                  }
                  data-testid="run-row"
                  data-record-id={run.recordId}
                >
                  <td className="table__nowrap">{formatTime(run.startedAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setOpenRunId(run.id)}
                      data-testid="run-open"
                    >
                      {run.objectType} {run.recordId}
                    </button>
                  </td>
                  <td>
                    {run.kind} {run.changedFields.join(', ')}
                  </td>
                  <td>{run.ruleSetsEvaluated}</td>
                  <td>{run.fired}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {open && <RunDetail key={open.id} run={open} flowName={flowName} />}
      </div>
    </main>
  );
}
