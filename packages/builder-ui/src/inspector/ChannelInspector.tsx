import { useState } from 'react';
import { channelNames } from '@herald/engine';
import type {
  ChannelName,
  ChannelPolicy,
  ChannelStep,
  Step,
} from '@herald/engine';
import { channelLabel } from '../steps/channel-names';
import { ChannelAllowances } from './ChannelAllowances';
import { parseList } from './parse-list';

/** Props of {@link ChannelInspector}. */
export interface ChannelInspectorProps {
  step: ChannelStep;
  onChange: (step: Step) => void;
}

/**
 * Edits where a path's message goes: the Customer's preferred Channel, one
 * fixed Channel, or an ordered list tried until one succeeds.
 */
export function ChannelInspector({ step, onChange }: ChannelInspectorProps) {
  const policy = step.data;
  const [fallbackText, setFallbackText] = useState(
    policy.policy === 'fallback' ? policy.channels.join(', ') : 'whatsapp, sms',
  );
  const unknownChannels = parseList(fallbackText).filter(
    (name) => !isChannelName(name),
  );

  function setPolicy(data: ChannelPolicy) {
    onChange({ ...step, data });
  }

  function handlePolicyKind(kind: ChannelPolicy['policy']) {
    if (kind === 'preferred') {
      setPolicy({ policy: 'preferred' });
      return;
    }

    if (kind === 'fixed') {
      setPolicy({ policy: 'fixed', channel: 'sms' });
      return;
    }

    handleFallback(fallbackText);
  }

  function handleFallback(text: string) {
    setFallbackText(text);
    const channels = parseList(text).filter(isChannelName);
    if (channels.length > 0) {
      setPolicy({ policy: 'fallback', channels });
    }
  }

  return (
    <div className="inspector__fields">
      <label className="field">
        <span className="field__label">Send on</span>
        <select
          value={policy.policy}
          onChange={(event) =>
            handlePolicyKind(event.target.value as ChannelPolicy['policy'])
          }
          data-testid="channel-policy"
        >
          <option value="preferred">the customer's preferred channel</option>
          <option value="fixed">one fixed channel</option>
          <option value="fallback">channels in order, until one works</option>
        </select>
      </label>
      {policy.policy === 'fixed' && (
        <label className="field">
          <span className="field__label">Channel</span>
          <select
            value={policy.channel}
            onChange={(event) =>
              setPolicy({
                policy: 'fixed',
                channel: event.target.value as ChannelName,
              })
            }
            data-testid="channel-fixed"
          >
            {channelNames.map((name) => (
              <option key={name} value={name}>
                {channelLabel(name)}
              </option>
            ))}
          </select>
        </label>
      )}
      {policy.policy === 'fallback' && (
        <label className="field">
          <span className="field__label">
            Channels in order (comma-separated)
          </span>
          <input
            type="text"
            value={fallbackText}
            onChange={(event) => handleFallback(event.target.value)}
            aria-invalid={unknownChannels.length > 0}
            data-testid="channel-fallback"
          />
          {unknownChannels.length > 0 && (
            <span className="field__error">
              Unknown: {unknownChannels.join(', ')}. Known:{' '}
              {channelNames.join(', ')}.
            </span>
          )}
        </label>
      )}
      <ChannelAllowances policy={policy} />
    </div>
  );
}

function isChannelName(name: string): name is ChannelName {
  return (channelNames as readonly string[]).includes(name);
}
