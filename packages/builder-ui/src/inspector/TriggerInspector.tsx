import { changeKinds } from '@herald/engine';
import type { ChangeKind, Step, TriggerStep } from '@herald/engine';
import type { StepContext } from '../steps/step-context';

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
      <p>
        Object type:{' '}
        <strong>{context.objectType?.label ?? data.objectType}</strong>
        {!context.objectType && (
          <span className="muted"> (not in the catalog)</span>
        )}
      </p>
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
          <option value="state">
            on every change while the conditions hold
          </option>
          <option value="transition">
            once, when a change makes the conditions become true
          </option>
        </select>
      </label>
      {data.changedFields && data.changedFields.length > 0 && (
        <p className="muted">
          Only changes to {data.changedFields.join(', ')} start this flow.
        </p>
      )}
    </div>
  );
}
