import { useState } from 'react';
import type { ObjectTypeDef } from '@herald/engine';
import type { CatalogTemplate } from '../api/api-types';
import { useApi } from '../api/api-context';
import { ErrorNotice } from '../app/ErrorNotice';
import { usePrincipal } from '../auth/principal-context';
import { draftFrom } from './template-edits';
import { useTemplateDraft } from './use-template-draft';
import { VariantTextEditor } from './VariantTextEditor';

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
 * Edits a library Template's name, text and locale variants and saves
 * them straight to the library. A Flow's published version keeps its own
 * copy, so the change reaches a Flow's sends when that Flow is published
 * again. On a Flow page the unsaved edit is the page's
 * (template-edits.ts), so Publish can save it first.
 */
export function TemplateEditor({
  template,
  onSaved,
  objectType,
}: TemplateEditorProps) {
  const api = useApi();
  const isAdmin = usePrincipal().role === 'admin';
  const { draft, update, changed, forget } = useTemplateDraft(template);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });

  async function handleSave() {
    setSaveState({ kind: 'saving' });
    try {
      // No category: the library keeps it, as this editor does not show it.
      const saved = await api.saveTemplate(template.id, {
        name: draft.name,
        body: draft.body,
        variants: draft.variants,
      });
      onSaved({ ...template, ...saved });
      forget();
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
          value={draft.name}
          onChange={(event) => update({ ...draft, name: event.target.value })}
          data-testid="template-name"
        />
      </label>
      <VariantTextEditor
        texts={draft}
        onChange={(texts) => update({ ...draft, ...texts })}
        objectType={objectType}
        bodyTestId="template-body"
        stored={{
          id: template.id,
          texts: draftFrom(template),
          sendUnsaved: isAdmin,
        }}
      />
      <p className="muted" data-testid="template-save-hint">
        Merge fields use Liquid, e.g. {'{{ customer.firstName }}'} or{' '}
        {'{{ record.status }}'}. Saving changes the library template; each flow
        using it keeps sending the text it was published with until that flow is
        published again. Publish saves an unsaved edit first.
      </p>
      <SaveRow
        state={saveState}
        changed={changed}
        disabled={!changed || saveState.kind === 'saving' || draft.name === ''}
        onSave={() => void handleSave()}
      />
    </div>
  );
}

function SaveRow(props: {
  state: SaveState;
  changed: boolean;
  disabled: boolean;
  onSave: () => void;
}) {
  const { state, changed } = props;

  return (
    <>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={props.onSave}
          disabled={props.disabled}
          data-testid="save-template"
        >
          {state.kind === 'saving' ? 'Saving…' : 'Save template'}
        </button>
        {state.kind === 'saved' && !changed && (
          <span className="notice notice--ok" data-testid="template-saved">
            Template saved
          </span>
        )}
        {changed && state.kind !== 'saving' && (
          <span className="muted" data-testid="template-unsaved">
            Unsaved template text
          </span>
        )}
      </div>
      {state.kind === 'failed' && (
        <ErrorNotice error={state.error} action="Saving the template failed" />
      )}
    </>
  );
}
