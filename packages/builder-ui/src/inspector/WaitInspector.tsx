import { useState } from 'react';
import type { Step, WaitStep } from '@herald/engine';
import { fieldLabel } from '../steps/field-lookup';
import { formatMinutes } from '../steps/format-minutes';
import type { StepContext } from '../steps/step-context';

/** Props of {@link WaitInspector}. */
export interface WaitInspectorProps {
  step: WaitStep;
  context: StepContext;
  onChange: (step: Step) => void;
}

/**
 * Edits a Wait: the delay in minutes, or for a Wait relative to a date
 * field, the offset and what happens when that moment has passed.
 */
export function WaitInspector({ step, context, onChange }: WaitInspectorProps) {
  const { data } = step;
  const minutes = data.mode === 'delay' ? data.minutes : data.offsetMinutes;
  const [text, setText] = useState(String(minutes));

  function handleMinutes(nextText: string) {
    setText(nextText);
    const value = Number(nextText);
    if (!Number.isInteger(value)) {
      return;
    }

    if (data.mode === 'delay' && value >= 1) {
      onChange({ ...step, data: { ...data, minutes: value } });
    }

    if (data.mode === 'relative') {
      onChange({ ...step, data: { ...data, offsetMinutes: value } });
    }
  }

  return (
    <div className="inspector__fields">
      {data.mode === 'relative' && (
        <p>
          Relative to{' '}
          <strong>
            {fieldLabel(
              context.objectType?.fields.find(
                (field) => field.name === data.field,
              ),
              data.field,
            )}
          </strong>
        </p>
      )}
      <label className="field">
        <span className="field__label">
          {data.mode === 'delay'
            ? 'Delay in minutes'
            : 'Offset in minutes (negative is before the date)'}
        </span>
        <input
          type="number"
          step={1}
          min={data.mode === 'delay' ? 1 : undefined}
          value={text}
          onChange={(event) => handleMinutes(event.target.value)}
          data-testid="wait-minutes"
        />
        <span className="muted">{formatMinutes(minutes)}</span>
      </label>
      {data.mode === 'relative' && (
        <label className="field">
          <span className="field__label">When that moment has passed</span>
          <select
            value={data.whenPassed}
            onChange={(event) =>
              onChange({
                ...step,
                data: {
                  ...data,
                  whenPassed: event.target.value as 'send' | 'skip',
                },
              })
            }
            data-testid="wait-when-passed"
          >
            <option value="send">send at once</option>
            <option value="skip">skip the message</option>
          </select>
        </label>
      )}
    </div>
  );
}
