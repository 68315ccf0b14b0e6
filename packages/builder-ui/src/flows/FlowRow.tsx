import type { FlowSummary } from '../api/api-types';
import { routeHref } from '../app/app-route';
import { FlowActivityCell } from './FlowActivityCell';
import { FlowChangedCell } from './FlowChangedCell';
import { FlowRowActions } from './FlowRowActions';
import { StatusBadge } from './StatusBadge';

/** Props of {@link FlowRow}. */
export interface FlowRowProps {
  flow: FlowSummary;
  /** Shows the row's actions (admins). */
  canEdit: boolean;
  /** Called after an action the list must show. */
  onChanged: () => void;
}

/** One Flow on the flows list; clicking the row opens the Flow. */
export function FlowRow({ flow, canEdit, onChanged }: FlowRowProps) {
  const href = routeHref({ page: 'flow', flowId: flow.id });

  return (
    <tr
      className="table__row--link"
      data-testid="flow-row"
      data-flow-id={flow.id}
      onClick={() => window.location.assign(href)}
    >
      <td>
        <a href={href} className="table__primary">
          {flow.name}
        </a>
        {flow.description && <div className="muted">{flow.description}</div>}
      </td>
      <td>
        <StatusBadge status={flow.status} />
      </td>
      <td>{flow.activeVersion === null ? '—' : `v${flow.activeVersion}`}</td>
      <td>
        <FlowChangedCell flow={flow} />
      </td>
      <td>
        <FlowActivityCell activity={flow.last24Hours} />
      </td>
      {canEdit && (
        <td>
          <FlowRowActions flow={flow} onChanged={onChanged} />
        </td>
      )}
    </tr>
  );
}
