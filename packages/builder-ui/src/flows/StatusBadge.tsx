import type { FlowStatus } from '../api/api-types';

const statusLabels: Record<FlowStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  inactive: 'Inactive',
};

/** A Flow's status as a small coloured label. */
export function StatusBadge({ status }: { status: FlowStatus }) {
  return (
    <span className={`badge badge--${status}`} data-testid="flow-status">
      {statusLabels[status] ?? status}
    </span>
  );
}
