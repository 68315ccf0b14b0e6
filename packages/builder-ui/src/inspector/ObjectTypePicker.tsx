import type { ObjectTypeDef } from '@herald/engine';

/** Props of {@link ObjectTypePicker}. */
export interface ObjectTypePickerProps {
  value: string;
  objectTypes: ObjectTypeDef[];
  onChange: (objectType: string) => void;
}

/**
 * Picks the object type a Trigger listens to. Conditions written against
 * another type then show as problems until they are changed too.
 */
export function ObjectTypePicker({
  value,
  objectTypes,
  onChange,
}: ObjectTypePickerProps) {
  const known = objectTypes.some((objectType) => objectType.name === value);

  return (
    <label className="field">
      <span className="field__label">Object type</span>
      <select
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid="trigger-object-type"
      >
        {!known && <option value={value}>{value} (not in the catalog)</option>}
        {objectTypes.map((objectType) => (
          <option key={objectType.name} value={objectType.name}>
            {objectType.label ?? objectType.name}
          </option>
        ))}
      </select>
    </label>
  );
}
