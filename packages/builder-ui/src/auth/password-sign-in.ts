import { ApiError, NETWORK_ERROR_CODE } from '../api/api-error';

/** What a password sign-in answers. */
export interface PasswordSignIn {
  csrfToken: string;
}

/**
 * Signs in with an email and a password. The server sets the httpOnly
 * session cookie; the answer holds the CSRF token writes must send.
 */
export async function signInWithPassword(
  email: string,
  password: string,
): Promise<PasswordSignIn> {
  let response: Response;
  try {
    response = await fetch('/api/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
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
    csrfToken?: string;
    error?: { code: string; message: string };
  } | null;
  if (!response.ok || !payload?.csrfToken) {
    const error = payload?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'HERALD_SIGN_IN_FAILED',
      error?.message ?? 'Signing in failed.',
    );
  }

  return { csrfToken: payload.csrfToken };
}
