import type { FlowSummary } from '../api/api-types';
import { formatTime } from '../app/format-time';

/** Who last changed a Flow (a person, or an API token) and when. */
export function FlowChangedCell({ flow }: { flow: FlowSummary }) {
  return (
    <div data-testid="flow-changed">
      <time dateTime={flow.changedAt}>{formatTime(flow.changedAt)}</time>
      <div className="muted" data-testid="flow-changed-by">
        {describeChanger(flow.changedBy)}
      </div>
    </div>
  );
}

function describeChanger(by: FlowSummary['changedBy']): string {
  if (!by?.name) {
    return 'author not recorded';
  }
  if (by.kind === 'token' && !/token/i.test(by.name)) {
    return `by ${by.name} (API token)`;
  }

  return `by ${by.name}`;
}
