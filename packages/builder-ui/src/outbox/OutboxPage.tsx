import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { formatTime } from '../app/format-time';
import { newestFirst } from '../app/newest-first';
import { usePrincipal } from '../auth/principal-context';
import { channelLabel } from '../steps/channel-names';
import { outboxRecipient } from './outbox-recipient';

/**
 * The messages the sandbox Channel sent, newest first: what a Customer
 * would have received had a real Channel been used.
 */
export function OutboxPage() {
  const outbox = useApiResource('outbox', (api) => api.listOutbox());
  const viewerName = usePrincipal().name;

  return (
    <main className="page">
      <div className="page__header">
        <h1>Outbox</h1>
        <button
          type="button"
          className="button"
          onClick={outbox.reload}
          disabled={outbox.state === 'ready' && outbox.reloading}
          data-testid="outbox-refresh"
        >
          Refresh
        </button>
      </div>
      <p className="muted">
        Messages sent through the sandbox channel. Nothing here left the server.
      </p>

      {outbox.state === 'loading' && <p className="muted">Loading outbox…</p>}
      {outbox.state === 'failed' && (
        <ErrorNotice
          error={outbox.error}
          action="Loading the outbox failed"
          onRetry={outbox.reload}
        />
      )}
      {outbox.state === 'ready' && outbox.data.length === 0 && (
        <p className="muted" data-testid="outbox-empty">
          The outbox is empty.
        </p>
      )}
      {outbox.state === 'ready' && outbox.data.length > 0 && (
        <table className="table" data-testid="outbox-list">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Channel</th>
              <th scope="col">To</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst(outbox.data).map((message) => {
              const recipient = outboxRecipient(message, viewerName);
              return (
                <tr
                  key={message.id}
                  data-testid="outbox-row"
                  data-delivery-id={message.deliveryId}
                >
                  <td className="table__nowrap">
                    <time dateTime={message.createdAt}>
                      {formatTime(message.createdAt)}
                    </time>
                  </td>
                  <td>
                    {channelLabel(message.channel)}
                    {message.isTest && (
                      <div>
                        <span className="badge" data-testid="outbox-test">
                          Test
                        </span>
                      </div>
                    )}
                  </td>
                  <td>
                    <div data-testid="outbox-customer">{recipient.to}</div>
                    {recipient.address && (
                      <div className="muted">{recipient.address}</div>
                    )}
                    {recipient.sample && (
                      <div className="muted" data-testid="outbox-sample">
                        {recipient.sample}
                      </div>
                    )}
                  </td>
                  <td className="table__body-text" data-testid="outbox-body">
                    {message.body}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}
