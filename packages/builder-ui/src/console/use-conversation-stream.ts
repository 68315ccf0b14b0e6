import { useEffect, useRef, useState } from 'react';
import { loadToken } from '../auth/token-store';
import { createEventReader } from './server-sent-events';

/** One event of the live stream. */
export interface StreamEvent {
  kind: 'conversation' | 'message' | 'delivery';
  conversationId: string;
  messageId?: string;
  status?: string;
  ownerUserId: string | null;
}

/**
 * Whether the live stream is connected: `polling` when the browser cannot
 * read a stream and the console checks every {@link POLL_SECONDS} instead.
 */
export type StreamState = 'connecting' | 'live' | 'polling';

/** How often the console checks for news when it cannot stream. */
export const POLL_SECONDS = 5;

/** How long to wait before opening a stream again; the server says 3 s. */
const RETRY_MS = 3_000;

const STREAM_URL = '/api/conversations/events';
const EVENT_KINDS = new Set(['conversation', 'message', 'delivery']);

type Handler = (event: StreamEvent | null) => void;

/**
 * Follows the server-sent conversation events and calls `onEvent` for
 * each (with no event when the stream (re)connects, to reload all).
 * A cookie sign-in uses EventSource. EventSource cannot send an
 * Authorization header, so a token sign-in reads the same stream with
 * `fetch`, resuming with Last-Event-ID after a drop; only when the
 * server refuses the stream does it poll instead.
 */
export function useConversationStream(onEvent: Handler): StreamState {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [state, setState] = useState<StreamState>('connecting');

  useEffect(() => {
    const emit: Handler = (event) => handler.current(event);
    const token = loadToken();
    return token
      ? followWithToken(token, emit, setState)
      : followWithCookie(emit, setState);
  }, []);

  return state;
}

function followWithCookie(
  emit: Handler,
  setState: (state: StreamState) => void,
): () => void {
  const source = new EventSource(STREAM_URL);
  const receive = (message: MessageEvent<string>) =>
    emit(JSON.parse(message.data) as StreamEvent);
  source.addEventListener('ready', () => {
    setState('live');
    emit(null);
  });
  for (const kind of EVENT_KINDS) {
    source.addEventListener(kind, receive as EventListener);
  }
  source.onerror = () => setState('connecting');
  return () => source.close();
}

function followWithToken(
  token: string,
  emit: Handler,
  setState: (state: StreamState) => void,
): () => void {
  const abort = new AbortController();
  let pollTimer: number | undefined;
  let lastEventId: string | undefined;

  const poll = () => {
    setState('polling');
    pollTimer = window.setInterval(() => emit(null), POLL_SECONDS * 1000);
  };

  const open = async () => {
    const response = await fetch(STREAM_URL, {
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'text/event-stream',
        ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
      },
      cache: 'no-store',
      signal: abort.signal,
    });
    if (!response.ok || !response.body) {
      return 'refused';
    }

    const reader = createEventReader();
    const decoder = new TextDecoder();
    const body = response.body.getReader();
    for (;;) {
      const { done, value } = await body.read();
      if (done) {
        return 'ended';
      }

      for (const event of reader.push(
        decoder.decode(value, { stream: true }),
      )) {
        lastEventId = event.id ?? lastEventId;
        if (event.event === 'ready') {
          setState('live');
          emit(null);
        } else if (EVENT_KINDS.has(event.event)) {
          emit(JSON.parse(event.data) as StreamEvent);
        }
      }
    }
  };

  const follow = async () => {
    while (!abort.signal.aborted) {
      const outcome = await open().catch(() => 'dropped');
      if (abort.signal.aborted) {
        return;
      }

      if (outcome === 'refused') {
        poll();
        return;
      }

      setState('connecting');
      await new Promise((resolve) => window.setTimeout(resolve, RETRY_MS));
    }
  };

  void follow();
  return () => {
    abort.abort();
    window.clearInterval(pollTimer);
  };
}
