import { useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context';
import { routeHref } from '../app/app-route';
import { ErrorNotice } from '../app/ErrorNotice';
import { emptyFlowGraph } from './flow-export';

/**
 * Creates a Flow from a name and opens it: an empty canvas holding only
 * its Trigger, on the catalog's first object type.
 */
export function NewFlowForm() {
  const api = useApi();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') {
      return;
    }

    setBusy(true);
    setError(null);
    try {
      const catalog = await api.getCatalog();
      const graph = emptyFlowGraph(catalog.objectTypes);
      const flow = await api.createFlow({ name: name.trim(), graph });
      window.location.assign(routeHref({ page: 'flow', flowId: flow.id }));
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  }

  return (
    <form className="new-flow" onSubmit={(event) => void handleSubmit(event)}>
      <label className="field new-flow__name">
        <span className="field__label">New flow</span>
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="Name, e.g. Shipping update for VIP customers"
          maxLength={200}
          data-testid="new-flow-name"
        />
      </label>
      <button
        type="submit"
        className="button button--primary"
        disabled={busy || name.trim() === ''}
        data-testid="new-flow-create"
      >
        Create flow
      </button>
      {error !== null && (
        <ErrorNotice error={error} action="Creating the flow failed" />
      )}
    </form>
  );
}
