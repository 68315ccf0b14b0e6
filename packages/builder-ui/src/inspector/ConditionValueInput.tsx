import { useState } from 'react';
import type { FieldDef, OperatorValueKind } from '@herald/engine';
import { DurationValue } from './DurationValue';
import { parseList } from './parse-list';
import { toNumber } from './to-number';
import { RangeValue } from './RangeValue';

/** Props of {@link ConditionValueInput}. */
export interface ConditionValueInputProps {
  value: unknown;
  valueKind: Exclude<OperatorValueKind, 'none'>;
  /** The compared field, when the catalog knows it. */
  field: FieldDef | undefined;
  onChange: (value: unknown) => void;
}

/**
 * The value a comparison checks against: a dropdown (or checkboxes, for a
 * list) for a picklist field, true/false for a boolean, two bounds for a
 * range, an amount and unit for a duration, otherwise text (numbers are
 * stored as numbers; a list is comma-separated).
 */
export function ConditionValueInput(props: ConditionValueInputProps) {
  const { field, valueKind } = props;

  if (valueKind === 'range') {
    return <RangeValue value={props.value} onChange={props.onChange} />;
  }

  if (valueKind === 'duration') {
    return <DurationValue value={props.value} onChange={props.onChange} />;
  }

  if (field?.type === 'picklist' && field.values && valueKind === 'list') {
    return <PicklistChoices {...props} options={field.values} />;
  }

  if (field?.type === 'picklist' && field.values) {
    return <PicklistSelect {...props} options={field.values} />;
  }

  if (field?.type === 'boolean' && valueKind === 'single') {
    return <BooleanSelect {...props} />;
  }

  return <TextValue {...props} />;
}

type WithOptions = ConditionValueInputProps & { options: string[] };

function PicklistSelect({ value, options, onChange }: WithOptions) {
  const current = value === undefined || value === null ? '' : String(value);
  const choices =
    current && !options.includes(current) ? [current, ...options] : options;

  return (
    <label className="field">
      <span className="field__label">Value</span>
      <select
        value={current}
        onChange={(event) => onChange(event.target.value)}
        data-testid="condition-value"
      >
        {current === '' && <option value="">Choose…</option>}
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </label>
  );
}

function PicklistChoices({ value, options, onChange }: WithOptions) {
  const chosen = Array.isArray(value) ? value.map(String) : [];

  function toggle(option: string, checked: boolean) {
    const next = checked
      ? options.filter((candidate) =>
          candidate === option ? true : chosen.includes(candidate),
        )
      : chosen.filter((candidate) => candidate !== option);
    onChange(next);
  }

  return (
    <fieldset className="field choice-list" data-testid="condition-value">
      <legend className="field__label">Values</legend>
      {options.map((option) => (
        <label key={option} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(option)}
            onChange={(event) => toggle(option, event.target.checked)}
            value={option}
          />
          {option}
        </label>
      ))}
    </fieldset>
  );
}

function BooleanSelect({ value, onChange }: ConditionValueInputProps) {
  return (
    <label className="field">
      <span className="field__label">Value</span>
      <select
        value={value === true ? 'true' : value === false ? 'false' : ''}
        onChange={(event) => onChange(event.target.value === 'true')}
        data-testid="condition-value"
      >
        {typeof value !== 'boolean' && <option value="">Choose…</option>}
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    </label>
  );
}

function TextValue({
  value,
  valueKind,
  field,
  onChange,
}: ConditionValueInputProps) {
  const numeric = field?.type === 'number' || field?.type === 'money';
  const [text, setText] = useState(() => valueToText(value));

  function handleChange(nextText: string) {
    setText(nextText);
    const parse = (item: string) => (numeric ? toNumber(item) : item);
    onChange(
      valueKind === 'list' ? parseList(nextText).map(parse) : parse(nextText),
    );
  }

  return (
    <label className="field">
      <span className="field__label">
        {valueKind === 'list' ? 'Values (comma-separated)' : 'Value'}
      </span>
      <input
        type="text"
        inputMode={numeric && valueKind === 'single' ? 'decimal' : undefined}
        value={text}
        onChange={(event) => handleChange(event.target.value)}
        data-testid="condition-value"
      />
    </label>
  );
}

function valueToText(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }

  if (Array.isArray(value)) {
    return value.map(String).join(', ');
  }

  if (typeof value === 'object') {
    return JSON.stringify(value);
  }

  return String(value);
}
