import { channelLabel } from '../steps/channel-names';
import type { PilotChannel } from './console-types';
import type { FieldErrors, PilotForm } from './policy-form';

/** Props of {@link PilotFields}. */
export interface PilotFieldsProps {
  channel: PilotChannel;
  pilot: PilotForm;
  errors: FieldErrors;
  onChange: (pilot: PilotForm) => void;
}

/**
 * One channel's pilot audience: whether the channel is limited to one,
 * the tiers and regions let in, and the polite answer everyone else
 * gets (their message is stored, nobody is routed).
 */
export function PilotFields({
  channel,
  pilot,
  errors,
  onChange,
}: PilotFieldsProps) {
  const name = channelLabel(channel);
  const path = `pilots.${channel}`;
  const set = (change: Partial<PilotForm>) => onChange({ ...pilot, ...change });

  return (
    <fieldset className="policy__pilot" data-testid={`pilot-${channel}`}>
      <label className="choice">
        <input
          type="checkbox"
          checked={pilot.enabled}
          onChange={(event) => set({ enabled: event.target.checked })}
          data-testid={`pilot-${channel}-enabled`}
        />
        Limit {name} to a pilot audience
      </label>
      {pilot.enabled && (
        <>
          <div className="field--pair field">
            <label>
              <span className="field__label">Tiers let in</span>
              <input
                type="text"
                value={pilot.tiers}
                placeholder="any tier"
                onChange={(event) => set({ tiers: event.target.value })}
                aria-invalid={Boolean(errors[`${path}.tiers`])}
                data-testid={`pilot-${channel}-tiers`}
              />
              <FieldError message={errors[`${path}.tiers`]} />
            </label>
            <label>
              <span className="field__label">Regions let in</span>
              <input
                type="text"
                value={pilot.regions}
                placeholder="any region"
                onChange={(event) => set({ regions: event.target.value })}
                aria-invalid={Boolean(errors[`${path}.regions`])}
                data-testid={`pilot-${channel}-regions`}
              />
              <FieldError message={errors[`${path}.regions`]} />
            </label>
          </div>
          <span className="field__hint muted">
            Comma-separated; leave one empty to let in any. Customers in the
            tiers and the regions chat as usual.
          </span>
          <label className="field">
            <span className="field__label">Polite answer to everyone else</span>
            <textarea
              value={pilot.reply}
              rows={2}
              onChange={(event) => set({ reply: event.target.value })}
              aria-invalid={Boolean(errors[`${path}.reply`])}
              data-testid={`pilot-${channel}-reply`}
            />
            <FieldError message={errors[`${path}.reply`]} />
          </label>
        </>
      )}
    </fieldset>
  );
}

/** A field's validation error under it, when it has one. */
export function FieldError({ message }: { message: string | undefined }) {
  if (!message) {
    return null;
  }

  return (
    <span className="field__error" role="alert" data-testid="field-error">
      {message}
    </span>
  );
}
