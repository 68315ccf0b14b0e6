import { formatTime } from '../app/format-time';
import { channelLabel } from '../steps/channel-names';
import type { ConversationSummary } from './console-types';
import { ownerShortWords } from './owner-words';

/** Props of {@link ConversationList}. */
export interface ConversationListProps {
  items: ConversationSummary[] | null;
  scope: 'mine' | 'all';
  selectedId: string | null;
  onScope: (scope: 'mine' | 'all') => void;
  onSelect: (id: string) => void;
}

/** Conversations, latest first, with unread counts and who owns them. */
export function ConversationList(props: ConversationListProps) {
  const { items, scope, selectedId } = props;

  return (
    <nav className="console__list" aria-label="Conversations">
      <div className="button-row">
        {(['mine', 'all'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className={
              scope === option
                ? 'button button--small'
                : 'button button--small button--quiet'
            }
            aria-pressed={scope === option}
            onClick={() => props.onScope(option)}
          >
            {option === 'mine' ? 'Mine and waiting' : 'All'}
          </button>
        ))}
      </div>
      {items === null && <p className="muted">Loading…</p>}
      {items?.length === 0 && (
        <p className="muted" data-testid="conversation-list-empty">
          No conversations.
        </p>
      )}
      <ul className="console__items" data-testid="conversation-list">
        {items?.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className={
                item.id === selectedId
                  ? 'console__item console__item--current'
                  : 'console__item'
              }
              onClick={() => props.onSelect(item.id)}
              data-testid="conversation-row"
              data-customer-id={item.customerId}
            >
              <span className="console__item-head">
                <strong>{item.customerName}</strong>
                {item.unread > 0 && (
                  <span className="console__unread" data-testid="unread-count">
                    {item.unread}
                  </span>
                )}
              </span>
              <span className="muted">
                {channelLabel(item.channel)} · {ownerShortWords(item)} ·{' '}
                {formatTime(item.lastMessageAt)}
              </span>
              {item.lastBody && (
                <span className="console__preview">{item.lastBody}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
