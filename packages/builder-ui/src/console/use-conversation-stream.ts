import { useEffect, useRef, useState } from 'react';
import { loadToken } from '../auth/token-store';

/** One event of the live stream. */
export interface StreamEvent {
  kind: 'conversation' | 'message' | 'delivery';
  conversationId: string;
  messageId?: string;
  status?: string;
  ownerUserId: string | null;
}

/** Whether the live stream is connected. */
export type StreamState = 'connecting' | 'live' | 'polling';

/** How often a token sign-in (no EventSource credentials) polls. */
const POLL_MS = 5_000;

/**
 * Follows the server-sent conversation events and calls `onEvent` for
 * each. EventSource sends the session cookie but no Authorization
 * header, so a token sign-in polls instead (`onEvent` with no event).
 */
export function useConversationStream(
  onEvent: (event: StreamEvent | null) => void,
): StreamState {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [state, setState] = useState<StreamState>('connecting');

  useEffect(() => {
    if (loadToken()) {
      setState('polling');
      const timer = window.setInterval(() => handler.current(null), POLL_MS);
      return () => window.clearInterval(timer);
    }

    const source = new EventSource('/api/conversations/events');
    const receive = (message: MessageEvent<string>) =>
      handler.current(JSON.parse(message.data) as StreamEvent);
    source.addEventListener('ready', () => {
      setState('live');
      handler.current(null);
    });
    for (const kind of ['conversation', 'message', 'delivery']) {
      source.addEventListener(kind, receive as EventListener);
    }
    source.onerror = () => setState('connecting');
    return () => source.close();
  }, []);

  return state;
}
