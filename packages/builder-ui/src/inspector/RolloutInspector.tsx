import { useState } from 'react';
import { customerFields } from '@herald/engine';
import type { RolloutStep, Step } from '@herald/engine';
import { parseList } from './parse-list';

/** Props of {@link RolloutInspector}. */
export interface RolloutInspectorProps {
  step: RolloutStep;
  onChange: (step: Step) => void;
}

const knownTiers =
  customerFields.find((field) => field.name === 'tier')?.values ?? [];

/**
 * Edits a Rollout's audience: Customer tiers, regions, an allow-list of
 * Customer ids and a stable percentage. An empty limit admits everyone.
 */
export function RolloutInspector({ step, onChange }: RolloutInspectorProps) {
  const { tiers = [], regions = [], allowList = [], percentage } = step.data;
  const [regionText, setRegionText] = useState(regions.join(', '));
  const [allowText, setAllowText] = useState(allowList.join('\n'));
  const [percentText, setPercentText] = useState(
    percentage === undefined ? '' : String(percentage),
  );
  const tierChoices = [
    ...knownTiers,
    ...tiers.filter((tier) => !knownTiers.includes(tier)),
  ];

  function update(data: RolloutStep['data']) {
    onChange({ ...step, data: dropEmpty({ ...step.data, ...data }) });
  }

  function toggleTier(tier: string, checked: boolean) {
    const next = checked
      ? tierChoices.filter(
          (choice) => choice === tier || tiers.includes(choice),
        )
      : tiers.filter((choice) => choice !== tier);
    update({ tiers: next });
  }

  function handlePercentage(text: string) {
    setPercentText(text);
    const value = Number(text);
    if (text.trim() === '') {
      update({ percentage: undefined });
      return;
    }

    if (Number.isFinite(value) && value >= 0 && value <= 100) {
      update({ percentage: value });
    }
  }

  const percentInvalid =
    percentText.trim() !== '' &&
    !(Number(percentText) >= 0 && Number(percentText) <= 100);

  return (
    <div className="inspector__fields">
      <fieldset className="field choice-list" data-testid="rollout-tiers">
        <legend className="field__label">Tiers</legend>
        {tierChoices.map((tier) => (
          <label key={tier} className="choice">
            <input
              type="checkbox"
              checked={tiers.includes(tier)}
              onChange={(event) => toggleTier(tier, event.target.checked)}
              data-testid={`rollout-tier-${tier}`}
            />
            {tier}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field__label">Regions (comma-separated)</span>
        <input
          type="text"
          value={regionText}
          onChange={(event) => {
            setRegionText(event.target.value);
            update({ regions: parseList(event.target.value) });
          }}
          data-testid="rollout-regions"
        />
      </label>
      <label className="field">
        <span className="field__label">Percentage of customers (0–100)</span>
        <input
          type="number"
          min={0}
          max={100}
          step={1}
          value={percentText}
          placeholder="100"
          aria-invalid={percentInvalid}
          onChange={(event) => handlePercentage(event.target.value)}
          data-testid="rollout-percentage"
        />
        {percentInvalid && (
          <span className="field__error">Enter a number from 0 to 100.</span>
        )}
      </label>
      <label className="field">
        <span className="field__label">Allowed customer ids (one a line)</span>
        <textarea
          rows={3}
          value={allowText}
          onChange={(event) => {
            setAllowText(event.target.value);
            update({ allowList: splitLines(event.target.value) });
          }}
          data-testid="rollout-allow-list"
        />
      </label>
      <p className="muted">
        A customer passes when they match every limit that is set. The
        percentage picks the same customers each time.
      </p>
    </div>
  );
}

function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

// Unset limits are left out of the stored Step rather than kept empty.
function dropEmpty(data: RolloutStep['data']): RolloutStep['data'] {
  const result: RolloutStep['data'] = {};
  if (data.tiers && data.tiers.length > 0) {
    result.tiers = data.tiers;
  }

  if (data.regions && data.regions.length > 0) {
    result.regions = data.regions;
  }

  if (data.allowList && data.allowList.length > 0) {
    result.allowList = data.allowList;
  }

  if (data.percentage !== undefined) {
    result.percentage = data.percentage;
  }

  return result;
}
