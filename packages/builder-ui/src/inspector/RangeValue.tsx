import { useState } from 'react';
import { toNumber } from './to-number';

/** Props of {@link RangeValue}. */
export interface RangeValueProps {
  /** `[min, max]`, or anything else when not set yet. */
  value: unknown;
  onChange: (value: unknown) => void;
}

/** Two bounds of an "is between" comparison, stored as `[min, max]`. */
export function RangeValue({ value, onChange }: RangeValueProps) {
  const initial = Array.isArray(value) ? value.map(String) : ['', ''];
  const [bounds, setBounds] = useState<[string, string]>([
    initial[0] ?? '',
    initial[1] ?? '',
  ]);

  function handleChange(index: 0 | 1, text: string) {
    const next: [string, string] =
      index === 0 ? [text, bounds[1]] : [bounds[0], text];
    setBounds(next);
    onChange(next.map(toNumber));
  }

  return (
    <div className="field field--pair">
      <label>
        <span className="field__label">From</span>
        <input
          type="text"
          inputMode="decimal"
          value={bounds[0]}
          onChange={(event) => handleChange(0, event.target.value)}
          data-testid="condition-value"
        />
      </label>
      <label>
        <span className="field__label">To</span>
        <input
          type="text"
          inputMode="decimal"
          value={bounds[1]}
          onChange={(event) => handleChange(1, event.target.value)}
          data-testid="condition-value-to"
        />
      </label>
    </div>
  );
}
