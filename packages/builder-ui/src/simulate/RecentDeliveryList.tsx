import { formatTime } from '../app/format-time';
import { countStatuses, type RecentChange } from './recent-changes';

/** Props of {@link RecentDeliveryList}. */
export interface RecentDeliveryListProps {
  /** Changes the Flow recently sent for, newest first. */
  changes: RecentChange[];
  onChoose: (change: RecentChange) => void;
}

/** Most Changes listed; the list scrolls past a handful. */
const LISTED = 20;

/**
 * The Changes this Flow recently made Deliveries for: who, which Record,
 * when and what became of each send. Choosing one replays its Change.
 */
export function RecentDeliveryList({
  changes,
  onChoose,
}: RecentDeliveryListProps) {
  if (changes.length === 0) {
    return (
      <p className="muted" data-testid="simulate-no-deliveries">
        This flow has no deliveries yet to replay.
      </p>
    );
  }

  return (
    <div className="field">
      <span className="field__label" id="simulate-recent-deliveries">
        …or replay a recent delivery of this flow
      </span>
      <ul
        className="simulate__recent"
        aria-labelledby="simulate-recent-deliveries"
      >
        {changes.slice(0, LISTED).map((change) => (
          <li key={change.changeId}>
            <button
              type="button"
              className="simulate__recent-item"
              onClick={() => onChoose(change)}
              data-testid="simulate-recent-delivery"
              data-change-id={change.changeId}
            >
              <span className="simulate__recent-who">
                {change.customerId} · {change.recordId}
              </span>
              <span className="simulate__recent-when muted">
                {formatTime(change.at)}
              </span>
              <span className="simulate__recent-status">
                {countStatuses(change.statuses).map(({ status, count }) => (
                  <span key={status}>
                    <span className={`badge badge--delivery-${status}`}>
                      {status}
                    </span>
                    {count > 1 && (
                      <span
                        className="muted"
                        aria-label={`${count} deliveries`}
                      >
                        {' '}
                        ×{count}
                      </span>
                    )}
                  </span>
                ))}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
