import { changeKinds } from '@herald/engine';
import type { ChangeKind, FieldDef } from '@herald/engine';
import { fieldLabel } from '../steps/field-lookup';

/** A Change as text boxes: its kind and each field before and after. */
export interface ChangeDraft {
  kind: ChangeKind;
  recordId: string;
  prior: Record<string, string>;
  current: Record<string, string>;
}

/** Props of {@link ChangeEditor}. */
export interface ChangeEditorProps {
  draft: ChangeDraft;
  /** The Trigger's object type fields, shown first and in order. */
  fields: FieldDef[];
  onChange: (draft: ChangeDraft) => void;
}

const kindWords: Record<ChangeKind, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
};

/**
 * Edits a Change by hand: what kind it is, and each field's value before
 * (the prior snapshot) and after. Changed values are highlighted.
 */
export function ChangeEditor({ draft, fields, onChange }: ChangeEditorProps) {
  const names = fieldNames(fields, draft);
  const showPrior = draft.kind !== 'create';

  function setValue(side: 'prior' | 'current', name: string, text: string) {
    onChange({ ...draft, [side]: { ...draft[side], [name]: text } });
  }

  return (
    <div className="simulate__change" data-testid="simulate-change">
      <div className="field--pair">
        <label className="field">
          <span className="field__label">The record is</span>
          <select
            value={draft.kind}
            onChange={(event) =>
              onChange({ ...draft, kind: event.target.value as ChangeKind })
            }
            data-testid="simulate-kind"
          >
            {changeKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindWords[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Record id</span>
          <input
            type="text"
            value={draft.recordId}
            onChange={(event) =>
              onChange({ ...draft, recordId: event.target.value })
            }
            data-testid="simulate-record-id-edit"
          />
        </label>
      </div>
      <table className="table simulate__fields">
        <thead>
          <tr>
            <th scope="col">Field</th>
            {showPrior && <th scope="col">Before</th>}
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const field = fields.find((candidate) => candidate.name === name);
            const before = draft.prior[name] ?? '';
            const after = draft.current[name] ?? '';
            const changed = showPrior && before !== after;
            return (
              <tr
                key={name}
                className={changed ? 'simulate__field--changed' : undefined}
                data-field={name}
              >
                <th scope="row">{fieldLabel(field, name)}</th>
                {showPrior && (
                  <td>
                    <FieldInput
                      field={field}
                      value={before}
                      label={`${name} before`}
                      testId={`simulate-prior-${name}`}
                      onChange={(text) => setValue('prior', name, text)}
                    />
                  </td>
                )}
                <td>
                  <FieldInput
                    field={field}
                    value={after}
                    label={`${name} after`}
                    testId={`simulate-current-${name}`}
                    onChange={(text) => setValue('current', name, text)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface FieldInputProps {
  field: FieldDef | undefined;
  value: string;
  label: string;
  testId: string;
  onChange: (text: string) => void;
}

// A picklist gets its values (plus whatever the record holds); anything
// else is a text box.
function FieldInput({
  field,
  value,
  label,
  testId,
  onChange,
}: FieldInputProps) {
  if (field?.type === 'picklist' && field.values) {
    const choices =
      field.values.includes(value) || value === ''
        ? field.values
        : [value, ...field.values];
    return (
      <select
        value={value}
        aria-label={label}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      >
        <option value="">(none)</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    );
  }

  return (
    <input
      type="text"
      value={value}
      aria-label={label}
      onChange={(event) => onChange(event.target.value)}
      data-testid={testId}
    />
  );
}

function fieldNames(fields: FieldDef[], draft: ChangeDraft): string[] {
  const names = fields.map((field) => field.name);
  const extra = [
    ...Object.keys(draft.prior),
    ...Object.keys(draft.current),
  ].filter((name) => !names.includes(name));

  return [...names, ...new Set(extra)];
}
