import { useState } from 'react';
import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { formatTime } from '../app/format-time';

const filters = [
  { label: 'Everything', action: '' },
  { label: 'Flows', action: 'flow.' },
  { label: 'Templates', action: 'template.' },
  { label: 'Consent', action: 'consent.' },
  { label: 'Users', action: 'user.' },
  { label: 'Tokens', action: 'token.' },
  { label: 'Sign-ins', action: 'session.' },
  { label: 'Customers', action: 'customer.' },
];

/** The audit log, newest first, filtered by kind of action. */
export function AuditPage() {
  const [action, setAction] = useState('');
  const entries = useApiResource(`audit:${action}`, (api) =>
    api.listAudit(action ? { action, limit: '200' } : { limit: '200' }),
  );

  return (
    <main className="page" data-testid="audit-page">
      <h1>Audit log</h1>
      <label className="field">
        <span className="field__label">Show</span>
        <select
          value={action}
          onChange={(event) => setAction(event.target.value)}
          data-testid="audit-filter"
        >
          {filters.map((filter) => (
            <option key={filter.action} value={filter.action}>
              {filter.label}
            </option>
          ))}
        </select>
      </label>
      {entries.state === 'failed' && (
        <ErrorNotice error={entries.error} action="Loading the log failed" />
      )}
      {entries.state === 'ready' && (
        <table className="table">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Action</th>
              <th>What</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.map((entry) => (
              <tr key={entry.id} data-testid="audit-row">
                <td>{formatTime(entry.at)}</td>
                <td>{entry.actor.name ?? entry.actor.kind}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>{entry.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
