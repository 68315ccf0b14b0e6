import { useState } from 'react';
import { customerFields } from '@herald/engine';
import type { RolloutStep, Step } from '@herald/engine';
import type { StepContext } from '../steps/step-context';
import { parseList } from './parse-list';
import { RolloutAudienceCount } from './RolloutAudienceCount';
import { useRolloutAudience } from './use-rollout-audience';
import './chips.css';

/** Props of {@link RolloutInspector}. */
export interface RolloutInspectorProps {
  step: RolloutStep;
  onChange: (step: Step) => void;
  /** Supplies the Flow id the audience is counted for. */
  context?: StepContext;
}

const knownTiers =
  customerFields.find((field) => field.name === 'tier')?.values ?? [];

/**
 * Edits a Rollout's audience: Customer tiers, regions, an allow-list of
 * Customer ids and a stable percentage. An empty limit admits everyone.
 */
export function RolloutInspector({
  step,
  onChange,
  context,
}: RolloutInspectorProps) {
  const audience = useRolloutAudience(context?.flowId, step.data);
  const knownRegions = audience.audience?.regions ?? [];
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

  function toggleRegion(region: string) {
    const next = regions.includes(region)
      ? regions.filter((item) => item !== region)
      : [...regions, region];
    setRegionText(next.join(', '));
    update({ regions: next });
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
      <fieldset className="field" data-testid="rollout-tiers">
        <legend className="field__label">Tiers</legend>
        <div className="chips">
          {tierChoices.map((tier) => (
            <label
              key={tier}
              className={tiers.includes(tier) ? 'chip chip--on' : 'chip'}
            >
              <input
                type="checkbox"
                checked={tiers.includes(tier)}
                onChange={(event) => toggleTier(tier, event.target.checked)}
                data-testid={`rollout-tier-${tier}`}
              />
              {tier}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="field" data-testid="rollout-region-field">
        <legend className="field__label">Regions</legend>
        {knownRegions.length > 0 && (
          <div className="chips" data-testid="rollout-region-chips">
            {knownRegions.map((region) => (
              <button
                key={region}
                type="button"
                className={regions.includes(region) ? 'chip chip--on' : 'chip'}
                aria-pressed={regions.includes(region)}
                onClick={() => toggleRegion(region)}
                data-testid={`rollout-region-${region}`}
              >
                {region}
              </button>
            ))}
          </div>
        )}
        <label className="field__sub">
          <span className="field__hint muted">
            {knownRegions.length > 0
              ? 'Chosen regions, or type others (comma-separated)'
              : 'Regions, comma-separated'}
          </span>
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
      </fieldset>
      <label className="field">
        <span className="field__label">Percentage of customers (0–100)</span>
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={percentage ?? 100}
          aria-label="Percentage of customers"
          onChange={(event) => handlePercentage(event.target.value)}
          data-testid="rollout-percentage-slider"
        />
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
      <RolloutAudienceCount state={audience} />
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
