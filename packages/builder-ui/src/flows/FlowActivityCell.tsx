import type { FlowActivity } from '../api/api-types';

/** The order statuses are listed in: furthest along first. */
const statusOrder = [
  'read',
  'delivered',
  'sent',
  'sending',
  'pending',
  'scheduled',
  'deferred',
  'unknown',
  'blocked',
  'failed',
  'cancelled',
  'skipped',
];

/**
 * A Flow's last 24 hours on the flows list: how many Runs evaluated it,
 * how many Deliveries it made, and those Deliveries per status.
 */
export function FlowActivityCell({ activity }: { activity: FlowActivity }) {
  const statuses = Object.entries(activity.deliveriesByStatus).sort(
    ([a], [b]) => rank(a) - rank(b),
  );

  return (
    <div className="flow-activity" data-testid="flow-activity">
      <span data-testid="flow-runs">
        {activity.runs} run{activity.runs === 1 ? '' : 's'}
      </span>
      {' · '}
      <span data-testid="flow-deliveries">
        {activity.deliveries} deliver
        {activity.deliveries === 1 ? 'y' : 'ies'}
      </span>
      {statuses.length > 0 && (
        <ul
          className="flow-activity__statuses"
          aria-label="Deliveries by status"
        >
          {statuses.map(([status, count]) => (
            <li
              key={status}
              className={`badge badge--delivery-${status}`}
              data-testid="flow-delivery-status"
              data-status={status}
            >
              {count} {status}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function rank(status: string) {
  const index = statusOrder.indexOf(status);
  return index === -1 ? statusOrder.length : index;
}
