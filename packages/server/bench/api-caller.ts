/**
 * A bench's client of Herald's HTTP API: JSON in and out, bearer token,
 * any answer other than 2xx thrown with its body.
 */

/** Calls `method path` on the Herald at `url`; answers the parsed body. */
export type ApiCaller = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<any>;

/** A caller for the Herald at `url`, authenticated with `token`. */
export function apiCaller(url: string, token: string): ApiCaller {
  return async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    }

    return text ? JSON.parse(text) : null;
  };
}
