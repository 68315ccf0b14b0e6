import type {
  ConditionLeaf,
  ObjectTypeDef,
  OperatorValueKind,
} from '@herald/engine';
import { fieldLabel, fieldOfFact } from '../steps/field-lookup';
import {
  operatorChoices,
  operatorFor,
  operatorPhrase,
} from '../steps/operator-info';
import { ConditionValueInput } from './ConditionValueInput';
import { FieldPicker } from './FieldPicker';

/** Props of {@link ConditionLeafEditor}. */
export interface ConditionLeafEditorProps {
  leaf: ConditionLeaf;
  objectType: ObjectTypeDef | undefined;
  onChange: (leaf: ConditionLeaf) => void;
}

const factWords: Record<ConditionLeaf['fact'], string> = {
  record: 'Record',
  prior: 'Previous record',
  change: 'Change',
  customer: 'Customer',
  now: 'Now',
};

/** Edits one comparison: which field (shown), operator and value. */
export function ConditionLeafEditor({
  leaf,
  objectType,
  onChange,
}: ConditionLeafEditorProps) {
  const field = fieldOfFact(leaf.fact, leaf.path, objectType);
  const operators = operatorChoices(field, leaf.fact, leaf.operator);
  const valueKind = operatorFor(field, leaf.operator).value;

  // A new field starts over: its first operator, and no value.
  function handleFieldChange(fact: ConditionLeaf['fact'], path: string) {
    const chosen = fieldOfFact(fact, path, objectType);
    const operator = operatorChoices(chosen, fact, '')[0]?.name ?? 'equals';
    onChange({ fact, path, operator });
  }

  function handleOperatorChange(operator: string) {
    const nextKind = operatorFor(field, operator).value;
    onChange(withValue({ ...leaf, operator }, reshape(leaf.value, nextKind)));
  }

  return (
    <fieldset className="leaf-editor" data-testid="condition-leaf">
      <legend>
        {factWords[leaf.fact]} · {fieldLabel(field, leaf.path)}
        {field && <span className="muted"> ({field.type})</span>}
      </legend>
      <FieldPicker
        fact={leaf.fact}
        path={leaf.path}
        objectType={objectType}
        onChange={handleFieldChange}
      />
      <label className="field">
        <span className="field__label">Operator</span>
        <select
          value={leaf.operator}
          onChange={(event) => handleOperatorChange(event.target.value)}
          data-testid="condition-operator"
        >
          {operators.map((operator) => (
            <option key={operator.name} value={operator.name}>
              {operatorPhrase(operator)}
            </option>
          ))}
        </select>
      </label>
      {leaf.valueFact && (
        <p className="muted">
          Compared with {leaf.valueFact.fact} {leaf.valueFact.path}.
        </p>
      )}
      {!leaf.valueFact && valueKind !== 'none' && (
        <ConditionValueInput
          key={`${leaf.fact}:${leaf.path}:${leaf.operator}`}
          value={leaf.value}
          valueKind={valueKind}
          field={field}
          onChange={(value) => onChange(withValue(leaf, value))}
        />
      )}
    </fieldset>
  );
}

function withValue(leaf: ConditionLeaf, value: unknown): ConditionLeaf {
  if (value === undefined) {
    const { value: _removed, ...rest } = leaf;
    return rest;
  }

  return { ...leaf, value };
}

// Keeps what the user entered when an operator takes a different shape of
// value: one value becomes a list of one, a list keeps its first item. A
// range or a duration starts empty.
function reshape(value: unknown, kind: OperatorValueKind): unknown {
  if (kind === 'none' || kind === 'range' || kind === 'duration') {
    return undefined;
  }

  if (kind === 'list') {
    if (Array.isArray(value)) {
      return value;
    }

    return value === undefined || value === '' ? [] : [value];
  }

  return Array.isArray(value) ? value[0] : value;
}
