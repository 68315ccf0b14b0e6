import type { FlowDetail } from '../api/api-types';
import { routeHref } from '../app/app-route';
import { ErrorNotice } from '../app/ErrorNotice';
import { StatusBadge } from './StatusBadge';
import type { FlowActions } from './use-flow-actions';

/** Props of {@link FlowToolbar}. */
export interface FlowToolbarProps {
  flow: FlowDetail;
  dirty: boolean;
  actions: FlowActions;
  onSave: () => void;
  onPublish: () => void;
  /** Business users publish Rollout changes only, with no draft. */
  rolloutOnly?: boolean;
}

/** The Flow's name and status, Save draft and Publish, and their outcome. */
export function FlowToolbar({
  flow,
  dirty,
  actions,
  onSave,
  onPublish,
  rolloutOnly = false,
}: FlowToolbarProps) {
  const { state } = actions;

  return (
    <div className="toolbar">
      <div className="toolbar__title">
        <a href={routeHref({ page: 'flows' })} className="toolbar__back">
          Flows
        </a>
        <span aria-hidden="true">/</span>
        <h1 data-testid="flow-name">{flow.name}</h1>
        <StatusBadge status={flow.status} />
        {flow.activeVersion !== null && (
          <span className="muted" data-testid="active-version">
            active v{flow.activeVersion}
          </span>
        )}
      </div>
      <div className="toolbar__status" aria-live="polite">
        {state.kind === 'saving' && <span className="muted">Saving…</span>}
        {state.kind === 'publishing' && (
          <span className="muted">Publishing…</span>
        )}
        {state.kind === 'saved' && !dirty && (
          <span className="notice notice--ok" data-testid="save-result">
            Draft saved
          </span>
        )}
        {state.kind === 'published' && (
          <span className="notice notice--ok" data-testid="publish-result">
            Published version {state.version}
          </span>
        )}
        {state.kind === 'failed' && (
          <ErrorNotice error={state.error} action={state.action} />
        )}
        {dirty && state.kind !== 'saving' && (
          <span className="muted" data-testid="unsaved-changes">
            Unsaved changes
          </span>
        )}
      </div>
      <div className="toolbar__actions">
        {!rolloutOnly && (
          <button
            type="button"
            className="button"
            onClick={onSave}
            disabled={actions.busy}
            data-testid="save-draft"
          >
            Save draft
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          onClick={onPublish}
          disabled={actions.busy}
          data-testid="publish"
        >
          {rolloutOnly ? 'Publish rollout' : 'Publish'}
        </button>
      </div>
    </div>
  );
}
