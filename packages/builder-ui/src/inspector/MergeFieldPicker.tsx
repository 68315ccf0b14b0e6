import { customerFields } from '@herald/engine';
import type { ObjectTypeDef } from '@herald/engine';
import { fieldLabel } from '../steps/field-lookup';

/** Props of {@link MergeFieldPicker}. */
export interface MergeFieldPickerProps {
  /** The Trigger's object type; its fields are offered as `record.*`. */
  objectType: ObjectTypeDef | undefined;
  /** Receives the merge field to insert, such as `{{ record.carrier }}`. */
  onInsert: (text: string) => void;
}

/**
 * A menu of merge fields: the Record's fields (of the Trigger's object
 * type) and the Customer's. Choosing one inserts it at the cursor.
 */
export function MergeFieldPicker({
  objectType,
  onInsert,
}: MergeFieldPickerProps) {
  return (
    <label className="field">
      <span className="field__label">Insert a merge field</span>
      <select
        value=""
        onChange={(event) => {
          if (event.target.value !== '') {
            onInsert(`{{ ${event.target.value} }}`);
          }
        }}
        data-testid="merge-field-picker"
      >
        <option value="">Choose a field…</option>
        {objectType && (
          <optgroup label={objectType.label ?? objectType.name}>
            {objectType.fields.map((field) => (
              <option key={field.name} value={`record.${field.name}`}>
                {fieldLabel(field, field.name)} (record.{field.name})
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="Customer">
          {customerFields.map((field) => (
            <option key={field.name} value={`customer.${field.name}`}>
              {fieldLabel(field, field.name)} (customer.{field.name})
            </option>
          ))}
        </optgroup>
      </select>
      {!objectType && (
        <span className="field__hint muted">
          Record fields appear once a flow's Trigger names an object type.
        </span>
      )}
    </label>
  );
}
