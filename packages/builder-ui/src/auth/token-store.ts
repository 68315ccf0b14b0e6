/**
 * Where the admin token lives in the browser. The server prints a start URL
 * of the form `/#token=<token>`; the builder moves that token into
 * localStorage and strips it from the address bar, so it does not linger in
 * history or get copied along with a link.
 */

const STORAGE_KEY = 'herald.adminToken';
const FRAGMENT_KEY = 'token';

/** The stored admin token, or null when the user has not signed in. */
export function loadToken(): string | null {
  try {
    const token = window.localStorage.getItem(STORAGE_KEY);
    return token && token.trim() !== '' ? token : null;
  } catch {
    return null;
  }
}

/** Stores the admin token for later visits. */
export function saveToken(token: string): void {
  window.localStorage.setItem(STORAGE_KEY, token);
}

/** Forgets the admin token (sign out, or the server refused it). */
export function clearToken(): void {
  window.localStorage.removeItem(STORAGE_KEY);
}

/**
 * Moves a `#token=...` fragment into storage and replaces it with the flows
 * route. Returns true when a token was found.
 */
export function takeTokenFromUrl(): boolean {
  const token = readFragmentToken(window.location.hash);
  if (token === null) {
    return false;
  }

  saveToken(token);
  const { pathname, search } = window.location;
  window.history.replaceState(null, '', `${pathname}${search}#/flows`);
  return true;
}

function readFragmentToken(hash: string): string | null {
  const fragment = hash.replace(/^#\/?/, '');
  const query = fragment.includes('?')
    ? fragment.slice(fragment.indexOf('?') + 1)
    : fragment;
  const token = new URLSearchParams(query).get(FRAGMENT_KEY);

  return token && token.trim() !== '' ? token.trim() : null;
}
