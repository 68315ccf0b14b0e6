import { useState, type MouseEvent } from 'react';
import { useApi } from '../api/api-context';
import type { FlowSummary } from '../api/api-types';
import { routeHref } from '../app/app-route';
import { ErrorNotice } from '../app/ErrorNotice';
import { downloadJson, exportFlow } from './flow-export';

/** Props of {@link FlowRowActions}. */
export interface FlowRowActionsProps {
  flow: FlowSummary;
  /** Called after a change the list must show (rename, deactivate). */
  onChanged: () => void;
}

/**
 * What an admin can do to a Flow from the list: duplicate it (the copy's
 * draft is this Flow's draft), rename it, deactivate it, export it as JSON.
 */
export function FlowRowActions({ flow, onChanged }: FlowRowActionsProps) {
  const api = useApi();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(flow.name);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (cause) {
      setError(cause);
    }
  }

  const duplicate = () =>
    run(async () => {
      const source = await api.getFlow(flow.id);
      const copy = await api.createFlow({
        name: `${flow.name} (copy)`.slice(0, 200),
        description: source.description,
        graph: source.draft,
      });
      window.location.assign(routeHref({ page: 'flow', flowId: copy.id }));
    });

  const rename = () =>
    run(async () => {
      await api.saveFlowDraft(flow.id, { name: name.trim() });
      setRenaming(false);
      onChanged();
    });

  const deactivate = () =>
    run(async () => {
      await api.deactivateFlow(flow.id);
      onChanged();
    });

  const exportJson = () =>
    run(async () => {
      const detail = await api.getFlow(flow.id);
      downloadJson(`${flow.id}.flow.json`, exportFlow(detail));
    });

  if (renaming) {
    return (
      <form
        className="row-actions"
        onClick={stop}
        onSubmit={(event) => {
          event.preventDefault();
          void rename();
        }}
      >
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-label="New name"
          maxLength={200}
          data-testid="rename-input"
          autoFocus
        />
        <button type="submit" className="button button--small">
          Save name
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => setRenaming(false)}
        >
          Cancel
        </button>
        {error !== null && (
          <ErrorNotice error={error} action="Renaming failed" />
        )}
      </form>
    );
  }

  return (
    <div className="row-actions" onClick={stop}>
      <button
        type="button"
        className="button button--small"
        onClick={() => void duplicate()}
        data-testid="flow-duplicate"
      >
        Duplicate
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => setRenaming(true)}
        data-testid="flow-rename"
      >
        Rename
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => void exportJson()}
        data-testid="flow-export"
      >
        Export
      </button>
      {flow.status === 'active' && (
        <button
          type="button"
          className="button button--small"
          onClick={() => void deactivate()}
          data-testid="flow-deactivate"
        >
          Deactivate
        </button>
      )}
      {error !== null && <ErrorNotice error={error} action="That failed" />}
    </div>
  );
}

// The row itself opens the Flow; its buttons must not.
function stop(event: MouseEvent) {
  event.stopPropagation();
}
