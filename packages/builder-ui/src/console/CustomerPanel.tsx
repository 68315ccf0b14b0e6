import { formatTime } from '../app/format-time';
import { channelLabel } from '../steps/channel-names';
import type { ConversationThread } from './console-types';

/** Props of {@link CustomerPanel}. */
export interface CustomerPanelProps {
  thread: ConversationThread;
}

const CONSENT_LABELS = {
  opt_in: 'opted in',
  opt_out: 'opted out',
  none: 'no consent',
} as const;

/** The Customer beside the thread: consent per channel and the Record. */
export function CustomerPanel({ thread }: CustomerPanelProps) {
  const { customer, record } = thread;

  return (
    <aside className="console__customer" data-testid="customer-panel">
      <h3>{customer.name}</h3>
      <p className="muted">
        {customer.tier}
        {customer.region ? ` · ${customer.region}` : ''}
      </p>
      <h4>Consent</h4>
      <ul className="console__consent" data-testid="consent-list">
        {customer.channels.map((state) => (
          <li key={state.channel} data-testid={`consent-${state.channel}`}>
            {channelLabel(state.channel)}: {CONSENT_LABELS[state.consent]}
            {state.hasWindow && state.usable && (
              <span className="muted">
                {' '}
                ·{' '}
                {state.windowClosesAt
                  ? `free text until ${formatTime(state.windowClosesAt)}`
                  : 'templates only (24 h window closed)'}
              </span>
            )}
          </li>
        ))}
      </ul>
      <h4>Related record</h4>
      {record ? (
        <dl className="console__record" data-testid="related-record">
          <dt>{record.objectType}</dt>
          <dd>{record.recordId}</dd>
          {Object.entries(record.fields)
            .filter(([name]) => name !== 'customerId')
            .map(([name, value]) => (
              <div key={name} className="console__field">
                <dt>{name}</dt>
                <dd>{formatValue(value)}</dd>
              </div>
            ))}
        </dl>
      ) : (
        <p className="muted">None.</p>
      )}
    </aside>
  );
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  if (typeof value === 'object') {
    const money = value as { amount?: number; currency?: string };
    return money.amount !== undefined
      ? `${money.amount} ${money.currency ?? ''}`
      : JSON.stringify(value);
  }

  return String(value);
}
