/**
 * One HTTP call to a provider with a deadline. Failures come back as
 * ChannelErrors of the right class; a 4xx is left to the adapter, which
 * reads the provider's error code first.
 */
import { ChannelError } from './channel-error.js';

/** Default deadline of a provider call. */
export const PROVIDER_TIMEOUT_MS = 10_000;

/** The provider's answer: status, headers and the parsed body. */
export interface ProviderAnswer {
  status: number;
  headers: Headers;
  body: any;
}

/** Calls the provider; throws for timeouts, network errors, 5xx and 429. */
export async function callProvider(request: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}): Promise<ProviderAnswer> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs ?? PROVIDER_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ChannelError('timeout', 'the provider did not answer', {
      cause: error,
    });
  }

  const answer = await readAnswer(response);
  if (response.status === 429) {
    throw new ChannelError('rate_limited', 'the provider asked us to wait', {
      httpStatus: 429,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
      response: answer.body,
    });
  }
  if (response.status >= 500) {
    throw new ChannelError('server', `the provider failed (${answer.status})`, {
      httpStatus: answer.status,
      response: answer.body,
    });
  }

  return answer;
}

async function readAnswer(response: Response): Promise<ProviderAnswer> {
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: keep the text for the Attempt.
  }

  return { status: response.status, headers: response.headers, body };
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()) {
  if (!value) {
    return null;
  }

  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }

  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
