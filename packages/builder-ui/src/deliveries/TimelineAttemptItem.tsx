import type { TimelineAttempt } from '../api/delivery-types';
import { channelLabel } from '../steps/channel-names';
import { AttemptRequest } from './AttemptRequest';

const outcomeWords: Record<string, string> = {
  open: 'under way',
  accepted: 'accepted by the provider',
  failed: 'failed',
  unknown: 'outcome unknown',
};

/**
 * One Attempt: the channel and outcome, the provider's message id, what
 * was sent, and the provider's answer or error (code, class, message).
 */
export function TimelineAttemptItem({ entry }: { entry: TimelineAttempt }) {
  const hasError = entry.errorCode || entry.errorClass || entry.errorMessage;

  return (
    <div className="timeline__body" data-outcome={entry.outcome}>
      <p className="timeline__headline">
        Attempt on {channelLabel(entry.channel)}:{' '}
        {outcomeWords[entry.outcome] ?? entry.outcome}
      </p>
      {entry.providerMessageId && (
        <p className="timeline__note">
          Provider message id <code>{entry.providerMessageId}</code>
        </p>
      )}
      <AttemptRequest request={entry.request} />
      {hasError && (
        <p className="timeline__error" data-testid="attempt-error">
          Error {entry.errorCode && <code>{entry.errorCode}</code>}
          {entry.errorClass && ` (${entry.errorClass})`}
          {entry.errorMessage && `: ${entry.errorMessage}`}
        </p>
      )}
      {entry.response != null && (
        <details className="timeline__details">
          <summary>Provider response</summary>
          <pre>{JSON.stringify(entry.response, null, 2)}</pre>
        </details>
      )}
    </div>
  );
}
