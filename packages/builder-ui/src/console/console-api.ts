/**
 * The agent console's calls to the conversation API. Same credentials as
 * the rest of the builder: a stored token as Bearer, else the session
 * cookie with the CSRF token on writes. Refusals become ApiErrors with
 * the server's code.
 */
import { ApiError, NETWORK_ERROR_CODE } from '../api/api-error';
import { loadToken } from '../auth/token-store';
import type {
  AgentPresence,
  ComposeOptions,
  ConversationPolicy,
  ConversationSummary,
  ConversationThread,
  MessageInput,
  QuickPhrase,
} from './console-types';

/** Typed calls the console makes. */
export interface ConsoleApi {
  listConversations(scope: 'mine' | 'all'): Promise<ConversationSummary[]>;
  getThread(id: string): Promise<ConversationThread>;
  markRead(id: string): Promise<void>;
  send(id: string, input: MessageInput): Promise<void>;
  start(input: StartInput): Promise<{ conversationId: string }>;
  close(id: string): Promise<void>;
  options(query: OptionsQuery): Promise<ComposeOptions>;
  quickPhrases(): Promise<QuickPhrase[]>;
  presence(): Promise<AgentPresence[]>;
  setPresence(status: AgentPresence['status']): Promise<AgentPresence>;
  /** The conversation policy (admins only). */
  policy(): Promise<ConversationPolicy>;
  /** Replaces the conversation policy (admins only); answers it. */
  savePolicy(policy: ConversationPolicy): Promise<ConversationPolicy>;
}

/** What starting a Conversation takes. */
export interface StartInput extends MessageInput {
  customerId: string;
  channel?: string;
  objectType?: string;
  recordId?: string;
}

/** What the compose options are asked for. */
export interface OptionsQuery {
  customerId: string;
  channel?: string;
  objectType?: string;
  recordId?: string;
}

/** A console API bound to the builder's sign-in. */
export function createConsoleApi(csrfToken: string | null): ConsoleApi {
  const call = <T>(method: string, route: string, body?: unknown) =>
    request<T>(csrfToken, method, route, body);
  const id = (value: string) => encodeURIComponent(value);
  return {
    listConversations: async (scope) =>
      (
        await call<{ items: ConversationSummary[] }>(
          'GET',
          `/conversations?scope=${scope}`,
        )
      ).items,
    getThread: (conversationId) =>
      call('GET', `/conversations/${id(conversationId)}`),
    markRead: (conversationId) =>
      call('POST', `/conversations/${id(conversationId)}/read`, {}),
    send: (conversationId, input) =>
      call('POST', `/conversations/${id(conversationId)}/messages`, input),
    start: (input) => call('POST', '/conversations', input),
    close: (conversationId) =>
      call('POST', `/conversations/${id(conversationId)}/close`, {}),
    options: (query) => {
      const params = new URLSearchParams(
        Object.entries(query).filter(([, value]) => Boolean(value)),
      );
      return call('GET', `/conversation-options?${params.toString()}`);
    },
    quickPhrases: async () =>
      (await call<{ items: QuickPhrase[] }>('GET', '/quick-phrases')).items,
    presence: async () =>
      (await call<{ items: AgentPresence[] }>('GET', '/agents/presence')).items,
    setPresence: (status) => call('PUT', '/agents/me/presence', { status }),
    policy: () => call('GET', '/conversation-policy'),
    savePolicy: (policy) => call('PUT', '/conversation-policy', policy),
  };
}

async function request<T>(
  csrfToken: string | null,
  method: string,
  route: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = loadToken();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  } else if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }

  let response: Response;
  try {
    response = await fetch(`/api${route}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(
      0,
      NETWORK_ERROR_CODE,
      'The server could not be reached.',
      undefined,
      {
        cause,
      },
    );
  }

  const payload = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string; details?: unknown };
  } | null;
  if (!response.ok) {
    const error = payload?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'HERALD_UI_UNEXPECTED_RESPONSE',
      error?.message ?? `The server answered ${response.status}.`,
      error?.details,
    );
  }

  return payload as T;
}
