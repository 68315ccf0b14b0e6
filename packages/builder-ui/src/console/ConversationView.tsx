import { useEffect, useRef } from 'react';
import { formatTime } from '../app/format-time';
import { channelLabel } from '../steps/channel-names';
import type { ConsoleApi } from './console-api';
import type { ConversationThread } from './console-types';
import { Composer } from './Composer';
import { CustomerPanel } from './CustomerPanel';
import { ownerWords } from './owner-words';

/** Props of {@link ConversationView}. */
export interface ConversationViewProps {
  api: ConsoleApi;
  thread: ConversationThread;
  /** Called after this view changed the Conversation. */
  onChanged: () => void;
}

/**
 * One Conversation: the thread with each outbound message's Delivery
 * state, the Customer's consent per channel and the related Record, and
 * the composer.
 */
export function ConversationView({
  api,
  thread,
  onChanged,
}: ConversationViewProps) {
  const { conversation, customer, messages } = thread;
  const channel = customer.channels.find(
    (state) => state.channel === conversation.channel,
  );
  useReloadWhenWindowCloses(channel?.windowClosesAt ?? null, onChanged);

  return (
    <div className="console__thread-layout" data-testid="conversation-view">
      <div className="console__thread">
        <header className="console__thread-head">
          <h2>
            {customer.name} · {channelLabel(conversation.channel)}
          </h2>
          <span className="muted" data-testid="conversation-owner">
            {ownerWords(conversation)}
          </span>
          {conversation.status === 'open' && (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={async () => {
                await api.close(conversation.id);
                onChanged();
              }}
            >
              Close
            </button>
          )}
        </header>
        {conversation.handoverNote && (
          <p className="notice" data-testid="handover-note">
            {conversation.handoverNote}
          </p>
        )}
        <ol className="console__messages" data-testid="thread">
          {messages.map((message) => (
            <li
              key={message.id}
              className={`console__message console__message--${message.direction}`}
              data-testid="thread-message"
              data-author={message.author}
            >
              <div className="console__bubble" data-testid="message-body">
                {message.body}
              </div>
              <div className="muted console__meta">
                {message.author === 'agent'
                  ? (message.authorEmail ?? 'agent')
                  : message.author}{' '}
                · {formatTime(message.createdAt)}
                {message.delivery && (
                  <span
                    className={`badge badge--delivery-${message.delivery.status}`}
                    title={message.delivery.reason ?? undefined}
                    data-testid="delivery-state"
                  >
                    {message.delivery.status}
                  </span>
                )}
              </div>
            </li>
          ))}
        </ol>
        {conversation.status === 'open' ? (
          <Composer
            api={api}
            customerId={customer.id}
            channel={channel}
            objectType={conversation.objectType}
            recordId={conversation.recordId}
            onSend={async (input) => {
              await api.send(conversation.id, input);
              onChanged();
            }}
          />
        ) : (
          <p className="muted">This conversation is closed.</p>
        )}
      </div>
      <CustomerPanel thread={thread} />
    </div>
  );
}

/** Reads the thread again when the free-text window closes. */
function useReloadWhenWindowCloses(
  closesAt: string | null,
  reload: () => void,
) {
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    if (!closesAt) {
      return;
    }

    const wait = Math.max(0, new Date(closesAt).getTime() - Date.now()) + 1000;
    const timer = window.setTimeout(() => latest.current(), wait);
    return () => window.clearTimeout(timer);
  }, [closesAt]);
}
