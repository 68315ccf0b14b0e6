import type { TemplateFormDraft } from './use-template-form';

/** Props of {@link TemplateFields}. */
export interface TemplateFieldsProps {
  draft: TemplateFormDraft;
  update: (patch: Partial<TemplateFormDraft>) => void;
  /** Asks for an id: only a new Template gets one. */
  isNew: boolean;
  idValid: boolean;
  categories: string[];
  readOnly?: boolean;
}

/** A library Template's id (new ones only), name and category. */
export function TemplateFields(props: TemplateFieldsProps) {
  const { draft, update } = props;

  return (
    <fieldset className="inspector__fields" disabled={props.readOnly}>
      {props.isNew && (
        <label className="field">
          <span className="field__label">
            Id (lower-case letters, digits, -)
          </span>
          <input
            type="text"
            value={draft.id}
            aria-invalid={draft.id !== '' && !props.idValid}
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
    </fieldset>
  );
}
