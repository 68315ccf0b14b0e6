import { useState } from 'react';
import { ErrorNotice } from '../app/ErrorNotice';
import { channelLabel } from '../steps/channel-names';
import type { ConsoleApi } from './console-api';
import type { ComposeOptions, MessageInput } from './console-types';
import { Composer } from './Composer';

/** Props of {@link StartConversation}. */
export interface StartConversationProps {
  api: ConsoleApi;
  onStarted: (conversationId: string) => void;
  onCancel: () => void;
}

/**
 * Starts a Conversation: find the Customer, pick the Case or Order it is
 * about (its fields fill the Template) and the channel, then write.
 */
export function StartConversation({
  api,
  onStarted,
  onCancel,
}: StartConversationProps) {
  const [customerId, setCustomerId] = useState('');
  const [record, setRecord] = useState('');
  const [channel, setChannel] = useState<string | undefined>(undefined);
  const [options, setOptions] = useState<ComposeOptions | null>(null);
  const [error, setError] = useState<unknown>(null);

  const [objectType, recordId] = record
    ? record.split('/')
    : [undefined, undefined];

  const lookUp = async (next: { channel?: string; record?: string } = {}) => {
    setError(null);
    const [type, id] = (next.record ?? record).split('/');
    try {
      const loaded = await api.options({
        customerId: customerId.trim(),
        channel: next.channel ?? channel,
        objectType: type || undefined,
        recordId: id || undefined,
      });
      setOptions(loaded);
      setChannel(loaded.channel);
    } catch (failure) {
      setOptions(null);
      setError(failure);
    }
  };

  const start = async (input: MessageInput) => {
    const started = await api.start({
      customerId: options!.customerId,
      channel,
      objectType,
      recordId,
      ...input,
    });
    onStarted(started.conversationId);
  };

  return (
    <div className="console__start" data-testid="start-form">
      <h2>New conversation</h2>
      <form
        className="button-row"
        onSubmit={(event) => {
          event.preventDefault();
          void lookUp();
        }}
      >
        <input
          className="input"
          value={customerId}
          onChange={(event) => setCustomerId(event.target.value)}
          placeholder="Customer id"
          aria-label="Customer id"
          data-testid="start-customer"
        />
        <button type="submit" className="button" data-testid="start-look-up">
          Look up
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={onCancel}
        >
          Cancel
        </button>
      </form>
      {error !== null && (
        <ErrorNotice error={error} action="Looking up failed" />
      )}
      {options && (
        <>
          <p>
            <strong>{options.customerName}</strong>
          </p>
          <div className="button-row">
            <label>
              About{' '}
              <select
                value={record}
                data-testid="start-record"
                onChange={(event) => {
                  setRecord(event.target.value);
                  void lookUp({ record: event.target.value });
                }}
              >
                <option value="">nothing in particular</option>
                {options.records.map((item) => (
                  <option
                    key={`${item.objectType}/${item.recordId}`}
                    value={`${item.objectType}/${item.recordId}`}
                  >
                    {item.objectType} {item.recordId}
                    {summary(item.fields)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Channel{' '}
              <select
                value={channel}
                data-testid="start-channel"
                onChange={(event) => {
                  setChannel(event.target.value);
                  void lookUp({ channel: event.target.value });
                }}
              >
                {options.channels.map((state) => (
                  <option
                    key={state.channel}
                    value={state.channel}
                    disabled={!state.usable}
                  >
                    {channelLabel(state.channel)}
                    {state.usable
                      ? ''
                      : ` (${state.consent === 'opt_in' ? 'no address' : 'no consent'})`}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <Composer
            api={api}
            customerId={options.customerId}
            channel={options.channels.find(
              (state) => state.channel === channel,
            )}
            objectType={objectType ?? null}
            recordId={recordId ?? null}
            onSend={start}
          />
        </>
      )}
    </div>
  );
}

function summary(fields: Record<string, unknown>): string {
  const text =
    fields.subject ?? fields.product ?? fields.number ?? fields.status;
  return typeof text === 'string' ? ` — ${text}` : '';
}
