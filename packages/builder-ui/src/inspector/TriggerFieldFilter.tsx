import type { ObjectTypeDef } from '@herald/engine';
import { fieldLabel } from '../steps/field-lookup';
import './chips.css';

/** Props of {@link TriggerFieldFilter}. */
export interface TriggerFieldFilterProps {
  objectType: ObjectTypeDef | undefined;
  /** The fields chosen; empty means any change starts the Flow. */
  value: string[];
  onChange: (fields: string[]) => void;
}

/**
 * "Only when these fields changed": a chip per field of the object type.
 * No chip chosen means a change to any field starts the Flow.
 */
export function TriggerFieldFilter({
  objectType,
  value,
  onChange,
}: TriggerFieldFilterProps) {
  const fields = objectType?.fields ?? [];
  const unknown = value.filter(
    (name) => !fields.some((field) => field.name === name),
  );

  function toggle(name: string) {
    const chosen = value.includes(name)
      ? value.filter((item) => item !== name)
      : [...value, name];
    onChange(chosen);
  }

  return (
    <fieldset className="field" data-testid="trigger-changed-fields">
      <legend className="field__label">Only when these fields changed</legend>
      <div className="chips">
        {[...fields.map((field) => field.name), ...unknown].map((name) => {
          const field = fields.find((candidate) => candidate.name === name);
          const on = value.includes(name);
          return (
            <button
              key={name}
              type="button"
              className={on ? 'chip chip--on' : 'chip'}
              aria-pressed={on}
              onClick={() => toggle(name)}
              data-testid={`trigger-field-${name}`}
            >
              {fieldLabel(field, name)}
            </button>
          );
        })}
      </div>
      <span className="field__hint muted" data-testid="trigger-fields-hint">
        {value.length === 0
          ? 'Any change starts the flow.'
          : `Only a change to ${value.join(' or ')} starts the flow.`}
      </span>
    </fieldset>
  );
}
