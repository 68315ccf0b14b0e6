import { useState } from 'react';
import type { ObjectTypeDef } from '@herald/engine';
import type { LibraryTemplate } from '../api/activity-types';
import { ErrorNotice } from '../app/ErrorNotice';
import { usePrincipal } from '../auth/principal-context';
import { VariantTextEditor } from '../inspector/VariantTextEditor';
import { TemplateFields } from './TemplateFields';
import { previewObjectType } from './preview-object-type';
import { useTemplateForm } from './use-template-form';

/** Props of {@link TemplateForm}. */
export interface TemplateFormProps {
  /** The Template edited; null creates a new one. */
  template: LibraryTemplate | null;
  categories: string[];
  objectTypes: ObjectTypeDef[];
  /** Trigger object types of the Flows using the Template, in order. */
  usedBy?: string[];
  onSaved: (template: LibraryTemplate) => void;
  /** Shows the Template without letting it change. Default false. */
  readOnly?: boolean;
}

/**
 * Creates or edits a library Template: id (new ones only), name,
 * category, text and locale variants, with merge fields, a live preview
 * for a chosen object type (at first the one that fits the Template, see
 * preview-object-type.ts) and Customer, and "Send a test".
 */
export function TemplateForm(props: TemplateFormProps) {
  const { template, readOnly } = props;
  const form = useTemplateForm(template, props.onSaved);
  const isAdmin = usePrincipal().role === 'admin';
  // Until someone picks one, the object type that fits the Template.
  const [chosenType, setObjectTypeName] = useState<string | null>(null);
  const objectTypeName =
    chosenType ??
    previewObjectType(template, props.objectTypes, props.usedBy ?? []);
  const objectType = props.objectTypes.find(
    (candidate) => candidate.name === objectTypeName,
  );

  return (
    <form
      className="template-form"
      onSubmit={(event) => {
        event.preventDefault();
        void form.save();
      }}
      data-testid="template-form"
    >
      <h2 className="panel__heading">
        {template ? `Edit “${template.name}”` : 'New template'}
      </h2>
      {readOnly && <p className="muted">Only admins change the library.</p>}
      <TemplateFields
        draft={form.draft}
        update={form.update}
        isNew={!template}
        idValid={form.idValid}
        categories={props.categories}
        readOnly={readOnly}
      />
      <ObjectTypeChoice
        objectTypes={props.objectTypes}
        value={objectTypeName}
        onChange={setObjectTypeName}
      />
      <VariantTextEditor
        texts={form.draft}
        onChange={(texts) => form.update(texts)}
        objectType={objectType}
        bodyTestId="library-template-body"
        readOnly={readOnly}
        stored={storedOf(template, isAdmin)}
      />
      <FormSaveRow
        disabled={!form.canSave || Boolean(readOnly)}
        saved={form.saved}
        error={form.error}
      />
    </form>
  );
}

// A saved Template can be sent as a test; admins may send unsaved text.
function storedOf(template: LibraryTemplate | null, isAdmin: boolean) {
  if (!template) {
    return undefined;
  }

  const texts = { body: template.body, variants: template.variants ?? {} };
  return { id: template.id, texts, sendUnsaved: isAdmin };
}

function FormSaveRow(props: {
  disabled: boolean;
  saved: boolean;
  error: unknown;
}) {
  return (
    <>
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={props.disabled}
          data-testid="library-template-save"
        >
          Save template
        </button>
        {props.saved && (
          <span
            className="notice notice--ok"
            data-testid="library-template-saved"
          >
            Saved
          </span>
        )}
      </div>
      {props.error !== null && (
        <ErrorNotice error={props.error} action="Saving the template failed" />
      )}
    </>
  );
}

function ObjectTypeChoice(props: {
  objectTypes: ObjectTypeDef[];
  value: string;
  onChange: (name: string) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">Preview record type</span>
      <select
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        data-testid="template-preview-object-type"
      >
        {props.objectTypes.map((candidate) => (
          <option key={candidate.name} value={candidate.name}>
            {candidate.label ?? candidate.name}
          </option>
        ))}
      </select>
    </label>
  );
}
