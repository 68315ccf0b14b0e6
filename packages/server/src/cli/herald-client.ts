/**
 * The little HTTP client the CLI uses to talk to a running Herald.
 */

/** A request Herald refused, or could not answer. */
export class HeraldRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when Herald could not be reached. */
    readonly status: number,
    /** Herald's error code, when it answered one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'HeraldRequestError';
  }
}

/** Talks to one Herald with one token. */
export interface HeraldClient {
  send<T>(
    method: 'POST' | 'PUT' | 'GET',
    path: string,
    body?: unknown,
  ): Promise<T>;
}

/** A client for `baseUrl`; each request times out after `timeoutMs` (60 s). */
export function createHeraldClient(
  baseUrl: string,
  token: string,
  timeoutMs = 60_000,
): HeraldClient {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    async send<T>(method: string, path: string, body?: unknown) {
      let response: Response;
      try {
        response = await fetch(`${root}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body !== undefined
              ? { 'content-type': 'application/json' }
              : {}),
          },
          body: body !== undefined ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new HeraldRequestError(
          `cannot reach ${root}: ${(error as Error).message}`,
          0,
        );
      }

      const text = await response.text();
      const json = text === '' ? undefined : safeParse(text);
      if (!response.ok) {
        const error = (json as { error?: { code?: string; message?: string } })
          ?.error;
        throw new HeraldRequestError(
          `${method} ${path}: ${response.status} ${error?.message ?? text}`,
          response.status,
          error?.code,
        );
      }

      return json as T;
    },
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
