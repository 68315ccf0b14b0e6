import { customerFields } from '@herald/engine';
import type { ConditionLeaf, FactName, ObjectTypeDef } from '@herald/engine';
import { fieldLabel, fieldLabelInSentence } from '../steps/field-lookup';

/** Props of {@link FieldPicker}. */
export interface FieldPickerProps {
  fact: FactName;
  path: string;
  objectType: ObjectTypeDef | undefined;
  /** Receives the chosen fact and field path. */
  onChange: (fact: ConditionLeaf['fact'], path: string) => void;
}

/**
 * Picks the field a comparison reads: a field of the Trigger's object type
 * (as it is now, or as it was before the change) or a Customer field.
 */
export function FieldPicker({
  fact,
  path,
  objectType,
  onChange,
}: FieldPickerProps) {
  const recordFields = objectType?.fields ?? [];
  const recordName = objectType?.label ?? objectType?.name ?? 'Record';
  const value = `${fact}:${path}`;

  return (
    <label className="field">
      <span className="field__label">Field</span>
      <select
        value={value}
        onChange={(event) => {
          const [chosenFact, ...rest] = event.target.value.split(':');
          onChange(chosenFact as FactName, rest.join(':'));
        }}
        data-testid="condition-field"
      >
        {!known(value, recordFields, customerFields) && (
          <option value={value}>
            {fact} · {path}
          </option>
        )}
        <optgroup label={recordName}>
          {recordFields.map((field) => (
            <option key={field.name} value={`record:${field.name}`}>
              {fieldLabel(field, field.name)}
            </option>
          ))}
        </optgroup>
        <optgroup label={`${recordName} before the change`}>
          {recordFields.map((field) => (
            <option key={field.name} value={`prior:${field.name}`}>
              Previous {fieldLabelInSentence(field, field.name)}
            </option>
          ))}
        </optgroup>
        <optgroup label="Customer">
          {customerFields.map((field) => (
            <option key={field.name} value={`customer:${field.name}`}>
              Customer {fieldLabelInSentence(field, field.name)}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}

function known(
  value: string,
  recordFields: { name: string }[],
  customer: { name: string }[],
): boolean {
  return (
    recordFields.some(
      (field) =>
        value === `record:${field.name}` || value === `prior:${field.name}`,
    ) || customer.some((field) => value === `customer:${field.name}`)
  );
}
