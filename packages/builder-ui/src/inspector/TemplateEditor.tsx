import { useRef, useState } from 'react';
import type { ObjectTypeDef } from '@herald/engine';
import type { CatalogTemplate } from '../api/api-types';
import { useApi } from '../api/api-context';
import { ErrorNotice } from '../app/ErrorNotice';
import { MergeFieldPicker } from './MergeFieldPicker';
import { useTemplateEditsContext } from './template-edits';
import { TemplatePreview } from './TemplatePreview';

/** Props of {@link TemplateEditor}. */
export interface TemplateEditorProps {
  template: CatalogTemplate;
  onSaved: (template: CatalogTemplate) => void;
  /** The Trigger's object type, for merge fields and the preview. */
  objectType?: ObjectTypeDef;
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; error: unknown };

/**
 * Edits a library Template's name and body and saves it straight to the
 * library. The change reaches every Flow that uses the Template. On a
 * Flow page the unsaved edit is the page's (template-edits.ts), so Publish
 * can save it first.
 */
export function TemplateEditor({
  template,
  onSaved,
  objectType,
}: TemplateEditorProps) {
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const api = useApi();
  const edits = useTemplateEditsContext();
  const [local, setLocal] = useState({
    name: template.name,
    body: template.body,
  });
  const { name, body } = edits ? edits.draftOf(template) : local;
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const changed = name !== template.name || body !== template.body;

  function update(draft: { name: string; body: string }) {
    if (edits) {
      edits.edit(template, draft);
    } else {
      setLocal(draft);
    }
  }

  // A merge field goes where the cursor was, else at the end.
  function insertField(text: string) {
    const at = bodyRef.current?.selectionStart ?? body.length;
    update({ name, body: body.slice(0, at) + text + body.slice(at) });
  }

  async function handleSave() {
    setSaveState({ kind: 'saving' });
    try {
      const saved = await api.saveTemplate(template.id, {
        name,
        category: template.category,
        body,
      });
      onSaved({ ...template, ...saved });
      edits?.forget(template.id);
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
          onChange={(event) => update({ name: event.target.value, body })}
          data-testid="template-name"
        />
      </label>
      <label className="field">
        <span className="field__label">Message text</span>
        <textarea
          ref={bodyRef}
          rows={6}
          value={body}
          onChange={(event) => update({ name, body: event.target.value })}
          data-testid="template-body"
        />
      </label>
      <MergeFieldPicker objectType={objectType} onInsert={insertField} />
      <TemplatePreview body={body} objectType={objectType} />
      <p className="muted">
        Merge fields use Liquid, e.g. {'{{ customer.firstName }}'} or{' '}
        {'{{ record.status }}'}. Saving changes the library template for every
        flow that uses it; Publish saves an unsaved edit first.
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
        {changed && saveState.kind !== 'saving' && (
          <span className="muted" data-testid="template-unsaved">
            Unsaved template text
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
