import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionInfo } from '../api/access-types';
import { createApiClient, type ApiClient } from '../api/api-client';
import {
  clearToken,
  loadToken,
  saveToken,
  takeTokenFromUrl,
} from './token-store';

const REFUSED_NOTICE = 'Your sign-in ended or was refused. Sign in again.';

/** Where sign-in stands, and how to change it. */
export interface Auth {
  /** `checking` while the stored sign-in is being asked about. */
  state: 'checking' | 'signed-out' | 'signed-in';
  api: ApiClient | null;
  principal: SessionInfo | null;
  notice: string | null;
  /** After a password sign-in set the cookie. */
  signedInWithPassword: (csrfToken: string) => void;
  signInWithToken: (token: string) => void;
  signOut: () => void;
}

interface Credentials {
  token: string | null;
  csrfToken: string | null;
}

/**
 * The builder's sign-in: a stored token (the bootstrap link or a pasted
 * API token), else the session cookie. Asks the server who that is. A
 * `#token=` link opened in a tab that is already open signs in with that
 * token at once, without a reload.
 */
export function useAuth(): Auth {
  const [credentials, setCredentials] = useState<Credentials | null>(() => {
    const token = loadToken();
    return { token, csrfToken: null };
  });
  const [principal, setPrincipal] = useState<SessionInfo | null>(null);
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const endSession = useCallback((reason: string | null) => {
    clearToken();
    setCredentials(null);
    setPrincipal(null);
    setChecked(true);
    setNotice(reason);
  }, []);

  const api = useMemo(
    () =>
      credentials === null
        ? null
        : createApiClient({
            token: credentials.token,
            csrfToken: credentials.csrfToken ?? principal?.csrfToken ?? null,
            onUnauthorized: () => endSession(checked ? REFUSED_NOTICE : null),
          }),
    [credentials, principal, endSession, checked],
  );

  const signInWithToken = useCallback((token: string) => {
    saveToken(token);
    setNotice(null);
    setPrincipal(null);
    setChecked(false);
    setCredentials({ token, csrfToken: null });
  }, []);

  useEffect(() => {
    const onHashChange = () => {
      const token = takeTokenFromUrl() ? loadToken() : null;
      if (token) {
        signInWithToken(token);
      }
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [signInWithToken]);

  useEffect(() => {
    if (!api || principal) {
      return;
    }

    let current = true;
    api.getSession().then(
      (session) => {
        if (current) {
          setPrincipal(session);
          setChecked(true);
        }
      },
      () => current && setChecked(true),
    );
    return () => {
      current = false;
    };
  }, [api, principal]);

  return {
    state: !checked ? 'checking' : principal ? 'signed-in' : 'signed-out',
    api: principal ? api : null,
    principal,
    notice,
    signedInWithPassword: (csrfToken) => {
      setNotice(null);
      setPrincipal(null);
      setChecked(false);
      setCredentials({ token: null, csrfToken });
    },
    signInWithToken,
    signOut: () => {
      const ending = api?.signOut().catch(() => undefined);
      void ending?.finally(() => endSession(null));
    },
  };
}
