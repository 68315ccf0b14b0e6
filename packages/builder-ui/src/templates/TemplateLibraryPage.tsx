import { useMemo, useState } from 'react';
import type { LibraryTemplate } from '../api/activity-types';
import { listLibraryTemplates } from '../api/activity-api';
import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { usePrincipal } from '../auth/principal-context';
import { routeHref } from '../app/app-route';
import { loadTemplateUsage, type TemplateUser } from './template-usage';
import { TemplateForm } from './TemplateForm';
import '../simulate/simulate.css';
import '../inspector/chips.css';
import './template-library.css';

type Selection =
  { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; id: string };

/**
 * The Template library: search by name or text, filter by category, see
 * which Flows use each Template, and create or edit one with a preview.
 */
export function TemplateLibraryPage() {
  const library = useApiResource('library-templates', () =>
    listLibraryTemplates(),
  );
  const usage = useApiResource('template-usage', loadTemplateUsage);
  const catalog = useApiResource('catalog', (api) => api.getCatalog());
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection>({ kind: 'none' });
  const [saved, setSaved] = useState<LibraryTemplate[]>([]);
  const readOnly = usePrincipal().role !== 'admin';

  const templates = useMemo(() => {
    const loaded = library.state === 'ready' ? library.data : [];
    const byId = new Map(loaded.map((template) => [template.id, template]));
    saved.forEach((template) => byId.set(template.id, template));
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [library, saved]);
  const categories = [
    ...new Set(templates.flatMap((template) => template.category ?? [])),
  ].sort();
  const shown = templates.filter(
    (template) =>
      (category === null || template.category === category) &&
      matches(template, query),
  );
  const users = (id: string): TemplateUser[] =>
    usage.state === 'ready' ? (usage.data.get(id) ?? []) : [];
  const editing =
    selection.kind === 'edit'
      ? templates.find((template) => template.id === selection.id)
      : undefined;

  return (
    <main className="page template-library">
      <div className="page__header">
        <h1>Templates</h1>
        {!readOnly && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setSelection({ kind: 'new' })}
            data-testid="template-new"
          >
            New template
          </button>
        )}
      </div>
      {library.state === 'failed' && (
        <ErrorNotice
          error={library.error}
          action="Loading the library failed"
          onRetry={library.reload}
        />
      )}
      <div className="template-library__filters">
        <input
          type="search"
          placeholder="Search name or text"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-label="Search templates"
          data-testid="template-search"
        />
        <div className="chips" role="group" aria-label="Categories">
          {[null, ...categories].map((name) => (
            <button
              key={name ?? 'all'}
              type="button"
              className={category === name ? 'chip chip--on' : 'chip'}
              aria-pressed={category === name}
              onClick={() => setCategory(name)}
              data-testid="template-category"
            >
              {name ?? 'All'}
            </button>
          ))}
        </div>
      </div>
      <div className="template-library__body">
        <ul className="template-library__list" data-testid="template-list">
          {shown.map((template) => (
            <li
              key={template.id}
              data-testid="template-row"
              data-id={template.id}
            >
              <button
                type="button"
                className="link-button"
                onClick={() => setSelection({ kind: 'edit', id: template.id })}
              >
                {template.name}
              </button>{' '}
              {template.category && (
                <span className="badge">{template.category}</span>
              )}
              <div className="muted template-library__excerpt">
                {template.body}
              </div>
              <UsedBy users={users(template.id)} />
            </li>
          ))}
          {shown.length === 0 && library.state === 'ready' && (
            <li className="muted">No template matches.</li>
          )}
        </ul>
        {selection.kind !== 'none' && (
          <TemplateForm
            key={selection.kind === 'edit' ? selection.id : 'new'}
            template={editing ?? null}
            readOnly={readOnly}
            categories={categories}
            objectTypes={
              catalog.state === 'ready' ? catalog.data.objectTypes : []
            }
            onSaved={(template) => {
              setSaved((current) => [...current, template]);
              setSelection({ kind: 'edit', id: template.id });
            }}
          />
        )}
      </div>
    </main>
  );
}

function UsedBy({ users }: { users: TemplateUser[] }) {
  if (users.length === 0) {
    return (
      <div className="muted" data-testid="template-used-by">
        Used by no flow
      </div>
    );
  }

  return (
    <div className="muted" data-testid="template-used-by">
      Used by{' '}
      {users.map((user, index) => (
        <span key={user.flowId}>
          {index > 0 && ', '}
          <a href={routeHref({ page: 'flow', flowId: user.flowId })}>
            {user.flowName}
          </a>
        </span>
      ))}
    </div>
  );
}

function matches(template: LibraryTemplate, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return (
    needle === '' ||
    template.name.toLowerCase().includes(needle) ||
    template.body.toLowerCase().includes(needle) ||
    template.id.includes(needle)
  );
}
