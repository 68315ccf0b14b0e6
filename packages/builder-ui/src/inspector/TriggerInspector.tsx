import { changeKinds } from '@herald/engine';
import type { ChangeKind, Step, TriggerStep } from '@herald/engine';
import type { StepContext } from '../steps/step-context';
import { semanticsChoices } from '../steps/trigger-words';
import { ObjectTypePicker } from './ObjectTypePicker';
import { TriggerFieldFilter } from './TriggerFieldFilter';

/** Props of {@link TriggerInspector}. */
export interface TriggerInspectorProps {
  step: TriggerStep;
  context: StepContext;
  onChange: (step: Step) => void;
}

const kindLabels: Record<ChangeKind, string> = {
  create: 'Created',
  update: 'Updated',
  delete: 'Deleted',
};

/**
 * Edits which kinds of Change start the Flow and whether it sends on every
 * matching change or only when the conditions become true. The object type
 * is shown, not edited: the Flow's conditions are written against it.
 */
export function TriggerInspector({
  step,
  context,
  onChange,
}: TriggerInspectorProps) {
  const { data } = step;
  const choices = semanticsChoices(context.objectType, data.changeKinds);

  function toggleKind(kind: ChangeKind, checked: boolean) {
    const next = checked
      ? changeKinds.filter(
          (candidate) =>
            candidate === kind || data.changeKinds.includes(candidate),
        )
      : data.changeKinds.filter((candidate) => candidate !== kind);

    if (next.length === 0) {
      return;
    }

    onChange({ ...step, data: { ...data, changeKinds: next } });
  }

  return (
    <div className="inspector__fields">
      <ObjectTypePicker
        value={data.objectType}
        objectTypes={context.objectTypes ?? []}
        onChange={(objectType) =>
          onChange({ ...step, data: { ...data, objectType } })
        }
      />
      <fieldset
        className="field choice-list"
        data-testid="trigger-change-kinds"
      >
        <legend className="field__label">Start when a record is</legend>
        {changeKinds.map((kind) => (
          <label key={kind} className="choice">
            <input
              type="checkbox"
              checked={data.changeKinds.includes(kind)}
              onChange={(event) => toggleKind(kind, event.target.checked)}
              data-testid={`trigger-kind-${kind}`}
            />
            {kindLabels[kind]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field__label">Send</span>
        <select
          value={data.semantics ?? 'state'}
          onChange={(event) =>
            onChange({
              ...step,
              data: {
                ...data,
                semantics: event.target.value as 'state' | 'transition',
              },
            })
          }
          data-testid="trigger-semantics"
        >
          <option value="state">{choices.state}</option>
          <option value="transition">{choices.transition}</option>
        </select>
        <span
          className="field__hint muted"
          data-testid="trigger-semantics-hint"
        >
          {data.semantics === 'transition'
            ? 'Sends when a change makes the conditions become true, not ' +
              'again while they stay true.'
            : 'Sends on every change while the conditions hold.'}
        </span>
      </label>
      <TriggerFieldFilter
        objectType={context.objectType}
        value={data.changedFields ?? []}
        onChange={(fields) =>
          onChange({ ...step, data: withFields(data, fields) })
        }
      />
    </div>
  );
}

// No chosen field means any field: the filter is left out of the Step.
function withFields(
  data: TriggerStep['data'],
  fields: string[],
): TriggerStep['data'] {
  if (fields.length > 0) {
    return { ...data, changedFields: fields };
  }

  const { changedFields: _removed, ...rest } = data;
  return rest;
}
