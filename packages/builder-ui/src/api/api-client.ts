/**
 * The builder's only way to the Herald API. A call sends the token as a
 * Bearer credential when the user signed in with one; otherwise the
 * browser sends the session cookie and writes carry the session's CSRF
 * token. A 401 answer calls `onUnauthorized` so the app can return to the
 * sign-in screen, and then rejects like any other error.
 */
import type {
  CatalogResponse,
  DeliverySummary,
  FlowDetail,
  FlowCreate,
  FlowDraftUpdate,
  FlowSummary,
  ListResponse,
  OutboxMessage,
  PublishResponse,
  RolloutAudience,
  TemplateUpdate,
  TestRecipient,
  TestSendRequest,
  TestSendResult,
} from './api-types';
import type {
  ApiTokenView,
  AuditEntry,
  CreatedApiToken,
  FlowVersionDetail,
  SessionInfo,
  UserView,
} from './access-types';
import type { FlowGraph, RolloutStep } from '@herald/engine';
import {
  ApiError,
  NETWORK_ERROR_CODE,
  UNEXPECTED_RESPONSE_CODE,
} from './api-error';

/** How the client reaches the API. */
export interface ApiClientOptions {
  /** A token sent as `Authorization: Bearer <token>`; null: the cookie. */
  token: string | null;
  /** The session's CSRF token, sent on writes when there is no token. */
  csrfToken?: string | null;
  /** Called once per 401 answer, before the call rejects. */
  onUnauthorized: () => void;
  /** Prefix of every route. Default `/api` (same origin). */
  baseUrl?: string;
}

/** Typed calls to the Herald API routes the builder uses. */
export interface ApiClient {
  getCatalog(): Promise<CatalogResponse>;
  listFlows(): Promise<FlowSummary[]>;
  getFlow(flowId: string): Promise<FlowDetail>;
  /** Creates a Flow with a name and, optionally, a draft graph. */
  createFlow(input: FlowCreate): Promise<FlowDetail>;
  /** Stops a Flow from sending; its versions are kept. */
  deactivateFlow(flowId: string): Promise<FlowDetail>;
  saveFlowDraft(flowId: string, update: FlowDraftUpdate): Promise<FlowDetail>;
  publishFlow(flowId: string): Promise<PublishResponse>;
  saveTemplate(
    templateId: string,
    update: TemplateUpdate,
  ): Promise<CatalogResponse['templates'][number]>;
  listOutbox(): Promise<OutboxMessage[]>;
  listDeliveries(flowId: string): Promise<DeliverySummary[]>;
  getSession(): Promise<SessionInfo>;
  signOut(): Promise<void>;
  getVersion(flowId: string, version: number): Promise<FlowVersionDetail>;
  publishRollout(flowId: string, graph: FlowGraph): Promise<PublishResponse>;
  /**
   * Counts the current Customers a Rollout of `flowId` would admit, out of
   * all of them; `signal` abandons a count no longer wanted.
   */
  countRolloutAudience(
    flowId: string,
    data: RolloutStep['data'],
    signal?: AbortSignal,
  ): Promise<RolloutAudience>;
  listUsers(): Promise<UserView[]>;
  createUser(input: {
    email: string;
    name?: string;
    role: string;
    password: string;
  }): Promise<UserView>;
  updateUser(userId: string, patch: { disabled?: boolean }): Promise<UserView>;
  listTokens(): Promise<ApiTokenView[]>;
  createToken(input: { name: string; scope: string }): Promise<CreatedApiToken>;
  revokeToken(tokenId: string): Promise<ApiTokenView>;
  listAudit(query: Record<string, string>): Promise<AuditEntry[]>;
  /** The caller's own test recipient; null when unset. */
  getTestRecipient(): Promise<TestRecipient | null>;
  setTestRecipient(recipient: TestRecipient): Promise<TestRecipient>;
  /** Sends a test of a Template to the caller's own test recipient. */
  sendTemplateTest(
    templateId: string,
    request: TestSendRequest,
  ): Promise<TestSendResult>;
}

type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** Creates an API client bound to one token or to the session cookie. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl ?? '/api';

  async function request<T>(
    method: HttpMethod,
    route: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    const response = await send(method, `${baseUrl}${route}`, body, signal);

    if (response.status === 401) {
      options.onUnauthorized();
    }

    const payload = await readJson(response);

    if (!response.ok) {
      throw toApiError(response.status, payload);
    }

    return payload as T;
  }

  async function send(
    method: HttpMethod,
    url: string,
    body: unknown,
    signal?: AbortSignal,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) {
      headers.Authorization = `Bearer ${options.token}`;
    } else if (method !== 'GET' && options.csrfToken) {
      headers['X-CSRF-Token'] = options.csrfToken;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }

    try {
      return await fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (cause) {
      if (signal?.aborted) {
        throw cause;
      }

      throw new ApiError(
        0,
        NETWORK_ERROR_CODE,
        'The Herald server could not be reached.',
        undefined,
        { cause },
      );
    }
  }

  return {
    getCatalog: () => request('GET', '/catalog'),
    listFlows: async () =>
      (await request<ListResponse<FlowSummary>>('GET', '/flows')).items,
    getFlow: (flowId) => request('GET', `/flows/${encode(flowId)}`),
    createFlow: (input) => request('POST', '/flows', input),
    deactivateFlow: (flowId) =>
      request('POST', `/flows/${encode(flowId)}/deactivate`, {}),
    saveFlowDraft: (flowId, update) =>
      request('PUT', `/flows/${encode(flowId)}`, update),
    publishFlow: (flowId) =>
      request('POST', `/flows/${encode(flowId)}/publish`, {}),
    saveTemplate: (templateId, update) =>
      request('PUT', `/templates/${encode(templateId)}`, update),
    listOutbox: async () =>
      (await request<ListResponse<OutboxMessage>>('GET', '/outbox')).items,
    listDeliveries: async (flowId) => {
      const query = new URLSearchParams({ flowId }).toString();
      const route = `/deliveries?${query}`;
      return (await request<ListResponse<DeliverySummary>>('GET', route)).items;
    },
    getSession: () => request('GET', '/session'),
    signOut: async () => {
      await request('DELETE', '/session');
    },
    getVersion: (flowId, version) =>
      request('GET', `/flows/${encode(flowId)}/versions/${version}`),
    publishRollout: (flowId, graph) =>
      request('POST', `/flows/${encode(flowId)}/rollout-publish`, { graph }),
    countRolloutAudience: (flowId, data, signal) =>
      request(
        'POST',
        `/flows/${encode(flowId)}/rollout-audience`,
        data,
        signal,
      ),
    listUsers: async () =>
      (await request<ListResponse<UserView>>('GET', '/users')).items,
    createUser: (input) => request('POST', '/users', input),
    updateUser: (userId, patch) =>
      request('PATCH', `/users/${encode(userId)}`, patch),
    listTokens: async () =>
      (await request<ListResponse<ApiTokenView>>('GET', '/tokens')).items,
    createToken: (input) => request('POST', '/tokens', input),
    revokeToken: (tokenId) => request('DELETE', `/tokens/${encode(tokenId)}`),
    listAudit: async (query) => {
      const route = `/audit?${new URLSearchParams(query).toString()}`;
      return (await request<ListResponse<AuditEntry>>('GET', route)).items;
    },
    getTestRecipient: async () =>
      (
        await request<{ testRecipient: TestRecipient | null }>(
          'GET',
          '/me/test-recipient',
        )
      ).testRecipient,
    setTestRecipient: async (recipient) =>
      (
        await request<{ testRecipient: TestRecipient }>(
          'PUT',
          '/me/test-recipient',
          recipient,
        )
      ).testRecipient,
    sendTemplateTest: (templateId, body) =>
      request('POST', `/templates/${encode(templateId)}/test-send`, body),
  };
}

function encode(segment: string): string {
  return encodeURIComponent(segment);
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) {
    return undefined;
  }

  const text = await response.text();
  if (text === '') {
    return undefined;
  }

  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ApiError(
      response.status,
      UNEXPECTED_RESPONSE_CODE,
      `The server answered ${response.status} with a body that is not JSON.`,
      undefined,
      { cause },
    );
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: Record<string, unknown> } | undefined)
    ?.error;

  if (!error || typeof error.code !== 'string') {
    return new ApiError(
      status,
      UNEXPECTED_RESPONSE_CODE,
      `The server answered ${status} without an error description.`,
      payload,
    );
  }

  const message =
    typeof error.message === 'string' ? error.message : error.code;
  return new ApiError(status, error.code, message, error.details);
}
