/**
 * Read-only calls for the simulator, the run history, the Deliveries
 * page and the Template library. They send the same credentials as the
 * API client (a stored token as Bearer, else the session cookie); being
 * reads, they need no CSRF token. A refusal becomes an ApiError with the
 * server's code.
 */
import { loadToken } from '../auth/token-store';
import {
  ApiError,
  NETWORK_ERROR_CODE,
  UNEXPECTED_RESPONSE_CODE,
} from './api-error';
import type {
  ChangeView,
  CustomerView,
  DeliveryView,
  LibraryTemplate,
  RecordView,
  RunView,
} from './activity-types';
import type { DeliveryListItem, DeliveryTimeline } from './delivery-types';

/** Reads one Record; fails with HERALD_NOT_FOUND when there is none. */
export function fetchRecord(
  objectType: string,
  recordId: string,
): Promise<RecordView> {
  const route = `/records/${encode(objectType)}/${encode(recordId)}`;
  return getJson<RecordView>(route);
}

/** Reads one Change; fails with HERALD_CHANGE_NOT_FOUND when there is none. */
export function fetchChange(changeId: string): Promise<ChangeView> {
  return getJson<ChangeView>(`/changes/${encode(changeId)}`);
}

/** Lists up to `limit` Customers (default 100, at most 1,000). */
export async function listCustomers(limit = 100): Promise<CustomerView[]> {
  return (await getJson<Items<CustomerView>>(`/customers?limit=${limit}`))
    .items;
}

/** Lists recent Runs, newest first; one Change's when `changeId` is set. */
export async function listRuns(
  query: { changeId?: string; limit?: number } = {},
): Promise<RunView[]> {
  return (await getJson<Items<RunView>>(`/runs?${toQuery(query)}`)).items;
}

/** Lists Deliveries by Change, Flow or Record. */
export async function listDeliveryViews(query: {
  changeId?: string;
  flowId?: string;
  recordId?: string;
  limit?: number;
}): Promise<DeliveryView[]> {
  const route = `/deliveries?${toQuery(query)}`;
  return (await getJson<Items<DeliveryView>>(route)).items;
}

/**
 * One page of Deliveries, newest first, by status, channel, flow and
 * customer; `before` is the last id of the page already shown.
 */
export async function listDeliveryPage(query: {
  status?: string;
  channel?: string;
  flowId?: string;
  customerId?: string;
  before?: string;
  limit: number;
}): Promise<DeliveryListItem[]> {
  const route = `/deliveries?${toQuery(query)}`;
  return (await getJson<Items<DeliveryListItem>>(route)).items;
}

/** One Delivery with its timeline; HERALD_DELIVERY_NOT_FOUND when none. */
export function fetchDeliveryTimeline(id: string): Promise<DeliveryTimeline> {
  return getJson<DeliveryTimeline>(`/deliveries/${encode(id)}`);
}

/** Lists the Template library with categories. */
export async function listLibraryTemplates(): Promise<LibraryTemplate[]> {
  return (await getJson<Items<LibraryTemplate>>('/templates')).items;
}

interface Items<T> {
  items: T[];
}

function encode(segment: string): string {
  return encodeURIComponent(segment);
}

// Unset and empty values are left out: an empty filter means "any".
function toQuery(query: Record<string, string | number | undefined>) {
  const entries = Object.entries(query).filter(
    (entry): entry is [string, string | number] =>
      entry[1] !== undefined && entry[1] !== '',
  );
  return new URLSearchParams(
    entries.map(([key, value]) => [key, String(value)]),
  ).toString();
}

async function getJson<T>(route: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = loadToken();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }

  let response: Response;
  try {
    response = await fetch(`/api${route}`, {
      headers,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(
      0,
      NETWORK_ERROR_CODE,
      'The Herald server could not be reached.',
      undefined,
      { cause },
    );
  }

  const payload = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: unknown };
  } | null;
  if (!response.ok) {
    const error = payload?.error;
    throw new ApiError(
      response.status,
      error?.code ?? UNEXPECTED_RESPONSE_CODE,
      error?.message ?? `The server answered ${response.status}.`,
      error?.details,
    );
  }

  return payload as T;
}
