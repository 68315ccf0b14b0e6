import type { ChannelPolicy } from '@herald/engine';
import { allowancesFor } from '../steps/channel-allowances';
import { channelLabel } from '../steps/channel-names';

/** Props of {@link ChannelAllowances}. */
export interface ChannelAllowancesProps {
  policy: ChannelPolicy;
}

/** What each Channel the policy may send on needs and allows. */
export function ChannelAllowances({ policy }: ChannelAllowancesProps) {
  return (
    <div className="channel-allowances" data-testid="channel-allowances">
      <span className="field__label">
        {policy.policy === 'preferred'
          ? 'The customer’s preferred channel may be'
          : 'What this sends on'}
      </span>
      <ul>
        {allowancesFor(policy).map((allowance) => (
          <li
            key={allowance.channel}
            data-channel={allowance.channel}
            data-testid="channel-allowance"
          >
            <strong>{channelLabel(allowance.channel)}</strong> needs{' '}
            {allowance.needs}.
            <ul className="muted">
              {allowance.rules.map((rule) => (
                <li key={rule}>{rule}.</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
