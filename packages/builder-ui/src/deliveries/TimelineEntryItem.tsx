import type { TimelineEntry } from '../api/delivery-types';
import { formatTime } from '../app/format-time';
import { TimelineAttemptItem } from './TimelineAttemptItem';
import { TimelineStatusItem } from './TimelineStatusItem';

/** One timeline entry: a state change or an Attempt, with its time. */
export function TimelineEntryItem({ entry }: { entry: TimelineEntry }) {
  return (
    <li
      className={`timeline__entry timeline__entry--${entry.kind}`}
      data-testid={`timeline-${entry.kind}`}
    >
      <time className="timeline__time muted" dateTime={entry.at}>
        {formatTime(entry.at)}
      </time>
      {entry.kind === 'status' ? (
        <TimelineStatusItem entry={entry} />
      ) : (
        <TimelineAttemptItem entry={entry} />
      )}
    </li>
  );
}
