import { useState } from 'react';
import { durationUnits } from '@herald/engine';
import type { DurationUnit } from '@herald/engine';
import { toNumber } from './to-number';

/** Props of {@link DurationValue}. */
export interface DurationValueProps {
  /** `{ amount, unit }`, or anything else when not set yet. */
  value: unknown;
  onChange: (value: unknown) => void;
}

/** An amount and a unit, for "is within the next / last" comparisons. */
export function DurationValue({ value, onChange }: DurationValueProps) {
  const current = (value ?? {}) as { amount?: unknown; unit?: unknown };
  const [amount, setAmount] = useState(
    current.amount === undefined ? '' : String(current.amount),
  );
  const unit = durationUnits.includes(current.unit as DurationUnit)
    ? (current.unit as DurationUnit)
    : 'days';

  function handleAmount(text: string) {
    setAmount(text);
    onChange({ amount: toNumber(text), unit });
  }

  return (
    <div className="field field--pair">
      <label>
        <span className="field__label">Amount</span>
        <input
          type="text"
          inputMode="numeric"
          value={amount}
          onChange={(event) => handleAmount(event.target.value)}
          data-testid="condition-value"
        />
      </label>
      <label>
        <span className="field__label">Unit</span>
        <select
          value={unit}
          onChange={(event) =>
            onChange({ amount: toNumber(amount), unit: event.target.value })
          }
          data-testid="condition-value-unit"
        >
          {durationUnits.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
