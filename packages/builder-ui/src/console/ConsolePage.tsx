import { useCallback, useEffect, useMemo, useState } from 'react';
import { ErrorNotice } from '../app/ErrorNotice';
import { routeHref } from '../app/app-route';
import { usePrincipal } from '../auth/principal-context';
import { createConsoleApi } from './console-api';
import type { ConversationSummary, ConversationThread } from './console-types';
import { ConversationList } from './ConversationList';
import { ConversationView } from './ConversationView';
import { PresenceToggle } from './PresenceToggle';
import { StartConversation } from './StartConversation';
import {
  POLL_SECONDS,
  useConversationStream,
  type StreamEvent,
  type StreamState,
} from './use-conversation-stream';
import './conversations.css';

/** What the header says about the live stream. */
const streamWords: Record<StreamState, string> = {
  live: 'Live',
  connecting: 'Connecting to live updates…',
  polling: `Live updates unavailable: checking every ${POLL_SECONDS} s`,
};

/**
 * The agent console: the Agent's presence, their Conversations (and
 * unassigned ones) with unread counts, the open thread with its
 * composer, and starting a new Conversation. The live stream keeps the
 * list and the open thread current without reloading.
 */
export function ConsolePage() {
  const principal = usePrincipal();
  const api = useMemo(
    () => createConsoleApi(principal.csrfToken),
    [principal.csrfToken],
  );
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [list, setList] = useState<ConversationSummary[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [thread, setThread] = useState<ConversationThread | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const loadList = useCallback(async () => {
    try {
      setList(await api.listConversations(scope));
    } catch (failure) {
      setError(failure);
    }
  }, [api, scope]);

  const loadThread = useCallback(
    async (id: string) => {
      try {
        setThread(await api.getThread(id));
        await api.markRead(id);
        setList(
          (current) =>
            current?.map((item) =>
              item.id === id ? { ...item, unread: 0 } : item,
            ) ?? null,
        );
      } catch (failure) {
        setError(failure);
      }
    },
    [api],
  );

  useEffect(() => {
    void loadList();
  }, [loadList]);

  useEffect(() => {
    if (selected) {
      void loadThread(selected);
    }
  }, [selected, loadThread]);

  const onEvent = (event: StreamEvent | null) => {
    void loadList();
    if (selected && (!event || event.conversationId === selected)) {
      void loadThread(selected);
    }
  };
  const streamState = useConversationStream(onEvent);

  const open = (id: string) => {
    setStarting(false);
    setSelected(id);
  };

  return (
    <main className="page console" data-testid="console">
      <div className="page__header">
        <h1>Conversations</h1>
        <span
          className="muted"
          data-testid="stream-state"
          data-state={streamState}
        >
          {streamWords[streamState]}
        </span>
        <PresenceToggle api={api} />
        {principal.role === 'admin' && (
          <a
            href={routeHref({ page: 'conversation-policy' })}
            data-testid="conversation-settings"
          >
            Settings
          </a>
        )}
        <button
          type="button"
          className="button button--primary"
          onClick={() => setStarting(true)}
          data-testid="start-conversation"
        >
          New conversation
        </button>
      </div>
      {error !== null && (
        <ErrorNotice
          error={error}
          action="The console could not load"
          onRetry={() => {
            setError(null);
            void loadList();
          }}
        />
      )}
      <div className="console__layout">
        <ConversationList
          items={list}
          scope={scope}
          selectedId={selected}
          onScope={setScope}
          onSelect={open}
        />
        <section className="console__main">
          {starting && (
            <StartConversation
              api={api}
              onStarted={(id) => {
                void loadList();
                open(id);
              }}
              onCancel={() => setStarting(false)}
            />
          )}
          {!starting && thread && selected === thread.conversation.id && (
            <ConversationView
              api={api}
              thread={thread}
              onChanged={() => void loadThread(thread.conversation.id)}
            />
          )}
          {!starting && !thread && (
            <p className="muted">Pick a conversation, or start a new one.</p>
          )}
        </section>
      </div>
    </main>
  );
}
