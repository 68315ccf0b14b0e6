import { useState } from 'react';
import type { ObjectTypeDef } from '@herald/engine';
import type { LibraryTemplate } from '../api/activity-types';
import { useApi } from '../api/api-context';
import { ErrorNotice } from '../app/ErrorNotice';
import { MergeFieldPicker } from '../inspector/MergeFieldPicker';
import { TemplatePreview } from '../inspector/TemplatePreview';

/** Props of {@link TemplateForm}. */
export interface TemplateFormProps {
  /** The Template edited; null creates a new one. */
  template: LibraryTemplate | null;
  categories: string[];
  objectTypes: ObjectTypeDef[];
  onSaved: (template: LibraryTemplate) => void;
  /** Shows the Template without letting it change. Default false. */
  readOnly?: boolean;
}

const idPattern = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Creates or edits a library Template: id (new ones only), name,
 * category and text, with merge fields and a live preview for a chosen
 * object type and Customer.
 */
export function TemplateForm(props: TemplateFormProps) {
  const api = useApi();
  const { template } = props;
  const [draft, setDraft] = useState({
    id: template?.id ?? '',
    name: template?.name ?? '',
    category: template?.category ?? '',
    body: template?.body ?? '',
  });
  const [objectTypeName, setObjectTypeName] = useState(
    props.objectTypes[0]?.name ?? '',
  );
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const objectType = props.objectTypes.find(
    (candidate) => candidate.name === objectTypeName,
  );
  const idValid = idPattern.test(draft.id);
  const canSave = idValid && draft.name !== '' && draft.body !== '';

  function update(patch: Partial<typeof draft>) {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  }

  async function save() {
    setError(null);
    try {
      const stored = await api.saveTemplate(draft.id, {
        name: draft.name,
        category: draft.category === '' ? undefined : draft.category,
        body: draft.body,
      });
      props.onSaved({ ...draft, ...stored, category: draft.category || null });
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <form
      className="template-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-testid="template-form"
    >
      <h2 className="panel__heading">
        {template ? `Edit “${template.name}”` : 'New template'}
      </h2>
      {props.readOnly && (
        <p className="muted">Only admins change the library.</p>
      )}
      <fieldset className="inspector__fields" disabled={props.readOnly}>
        {!template && (
          <label className="field">
            <span className="field__label">
              Id (lower-case letters, digits, -)
            </span>
            <input
              type="text"
              value={draft.id}
              aria-invalid={draft.id !== '' && !idValid}
              onChange={(event) => update({ id: event.target.value })}
              data-testid="library-template-id"
            />
          </label>
        )}
        <label className="field">
          <span className="field__label">Name</span>
          <input
            type="text"
            value={draft.name}
            onChange={(event) => update({ name: event.target.value })}
            data-testid="library-template-name"
          />
        </label>
        <label className="field">
          <span className="field__label">Category</span>
          <input
            type="text"
            list="template-categories"
            value={draft.category}
            onChange={(event) => update({ category: event.target.value })}
            data-testid="library-template-category"
          />
          <datalist id="template-categories">
            {props.categories.map((category) => (
              <option key={category} value={category} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span className="field__label">Message text</span>
          <textarea
            rows={5}
            value={draft.body}
            onChange={(event) => update({ body: event.target.value })}
            data-testid="library-template-body"
          />
        </label>
      </fieldset>
      <label className="field">
        <span className="field__label">Preview record type</span>
        <select
          value={objectTypeName}
          onChange={(event) => setObjectTypeName(event.target.value)}
        >
          {props.objectTypes.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.label ?? candidate.name}
            </option>
          ))}
        </select>
      </label>
      {!props.readOnly && (
        <MergeFieldPicker
          objectType={objectType}
          onInsert={(text) => update({ body: draft.body + text })}
        />
      )}
      <TemplatePreview body={draft.body} objectType={objectType} />
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={!canSave || props.readOnly}
          data-testid="library-template-save"
        >
          Save template
        </button>
        {saved && (
          <span
            className="notice notice--ok"
            data-testid="library-template-saved"
          >
            Saved
          </span>
        )}
      </div>
      {error !== null && (
        <ErrorNotice error={error} action="Saving the template failed" />
      )}
    </form>
  );
}
