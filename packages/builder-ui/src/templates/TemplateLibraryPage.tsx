import { useState } from 'react';
import type { LibraryTemplate } from '../api/activity-types';
import { ErrorNotice } from '../app/ErrorNotice';
import { usePrincipal } from '../auth/principal-context';
import { TemplateFilters } from './TemplateFilters';
import { TemplateForm } from './TemplateForm';
import { TemplateList } from './TemplateList';
import { useTemplateLibrary } from './use-template-library';
import '../simulate/simulate.css';
import '../inspector/chips.css';
import './template-library.css';

type Selection =
  { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; id: string };

/**
 * The Template library: search by name or text, filter by category, see
 * which Flows use each Template, and create or edit one with its locale
 * variants and a preview.
 */
export function TemplateLibraryPage() {
  const library = useTemplateLibrary();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection>({ kind: 'none' });
  const readOnly = usePrincipal().role !== 'admin';
  const shown = library.templates.filter(
    (template) => inCategory(template, category) && matches(template, query),
  );
  const editing =
    selection.kind === 'edit'
      ? library.templates.find((template) => template.id === selection.id)
      : undefined;

  return (
    <main className="page template-library">
      <LibraryHeader
        canCreate={!readOnly}
        onNew={() => setSelection({ kind: 'new' })}
      />
      {library.library.state === 'failed' && (
        <ErrorNotice
          error={library.library.error}
          action="Loading the library failed"
          onRetry={library.library.reload}
        />
      )}
      <TemplateFilters
        query={query}
        onQuery={setQuery}
        categories={library.categories}
        category={category}
        onCategory={setCategory}
      />
      <div className="template-library__body">
        <TemplateList
          templates={shown}
          usersOf={library.usersOf}
          onOpen={(id) => setSelection({ kind: 'edit', id })}
          showEmpty={library.library.state === 'ready'}
        />
        {selection.kind !== 'none' && (
          <TemplateForm
            key={selection.kind === 'edit' ? selection.id : 'new'}
            template={editing ?? null}
            readOnly={readOnly}
            categories={library.categories}
            objectTypes={library.objectTypes}
            usedBy={
              editing
                ? library
                    .usersOf(editing.id)
                    .flatMap((user) => user.objectType ?? [])
                : []
            }
            onSaved={(template) => {
              library.remember(template);
              setSelection({ kind: 'edit', id: template.id });
            }}
          />
        )}
      </div>
    </main>
  );
}

function LibraryHeader(props: { canCreate: boolean; onNew: () => void }) {
  return (
    <div className="page__header">
      <h1>Templates</h1>
      {props.canCreate && (
        <button
          type="button"
          className="button button--primary"
          onClick={props.onNew}
          data-testid="template-new"
        >
          New template
        </button>
      )}
    </div>
  );
}

function inCategory(template: LibraryTemplate, category: string | null) {
  return category === null || template.category === category;
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
