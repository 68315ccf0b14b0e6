import { useState } from 'react';
import type { CatalogTemplate } from '../api/api-types';
import { useApi } from '../api/api-context';
import { ErrorNotice } from '../app/ErrorNotice';

/** Props of {@link TemplateEditor}. */
export interface TemplateEditorProps {
  template: CatalogTemplate;
  onSaved: (template: CatalogTemplate) => void;
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; error: unknown };

/**
 * Edits a library Template's name and body and saves it straight to the
 * library. The change reaches every Flow that uses the Template.
 */
export function TemplateEditor({ template, onSaved }: TemplateEditorProps) {
  const api = useApi();
  const [name, setName] = useState(template.name);
  const [body, setBody] = useState(template.body);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const changed = name !== template.name || body !== template.body;

  async function handleSave() {
    setSaveState({ kind: 'saving' });
    try {
      const saved = await api.saveTemplate(template.id, {
        name,
        category: template.category,
        body,
      });
      onSaved({ ...template, ...saved });
      setSaveState({ kind: 'saved' });
    } catch (error) {
      setSaveState({ kind: 'failed', error });
    }
  }

  return (
    <div className="template-editor">
      <label className="field">
        <span className="field__label">Template name</span>
        <input
          type="text"
          value={name}
          onChange={(event) => setName(event.target.value)}
          data-testid="template-name"
        />
      </label>
      <label className="field">
        <span className="field__label">Message text</span>
        <textarea
          rows={6}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          data-testid="template-body"
        />
      </label>
      <p className="muted">
        Merge fields use Liquid, e.g. {'{{ customer.firstName }}'} or{' '}
        {'{{ record.status }}'}. Saving changes the library template for every
        flow that uses it.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => void handleSave()}
          disabled={!changed || saveState.kind === 'saving' || name === ''}
          data-testid="save-template"
        >
          {saveState.kind === 'saving' ? 'Saving…' : 'Save template'}
        </button>
        {saveState.kind === 'saved' && !changed && (
          <span className="notice notice--ok" data-testid="template-saved">
            Template saved
          </span>
        )}
      </div>
      {saveState.kind === 'failed' && (
        <ErrorNotice
          error={saveState.error}
          action="Saving the template failed"
        />
      )}
    </div>
  );
}
