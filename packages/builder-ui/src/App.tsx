import { useCallback, useMemo, useState } from 'react';
import { createApiClient } from './api/api-client';
import { ApiContext } from './api/api-context';
import { NavBar } from './app/NavBar';
import { useHashRoute } from './app/use-hash-route';
import { SignInPage } from './auth/SignInPage';
import { clearToken, loadToken, saveToken } from './auth/token-store';
import { FlowListPage } from './flows/FlowListPage';
import { FlowPage } from './flows/FlowPage';
import { OutboxPage } from './outbox/OutboxPage';

const REFUSED_NOTICE =
  'The server did not accept the stored token. Paste the admin token again.';

/**
 * The builder shell: the sign-in screen until a token is known, then the
 * navigation bar and the page the URL fragment names.
 */
export function App() {
  const route = useHashRoute();
  const [token, setToken] = useState<string | null>(loadToken);
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((reason: string | null) => {
    clearToken();
    setToken(null);
    setNotice(reason);
  }, []);

  const api = useMemo(
    () =>
      token === null
        ? null
        : createApiClient({
            token,
            onUnauthorized: () => signOut(REFUSED_NOTICE),
          }),
    [token, signOut],
  );

  function handleSignIn(newToken: string) {
    saveToken(newToken);
    setNotice(null);
    setToken(newToken);
  }

  if (!api) {
    return <SignInPage notice={notice} onSignIn={handleSignIn} />;
  }

  return (
    <ApiContext.Provider value={api}>
      <div className="app">
        <NavBar route={route} onSignOut={() => signOut(null)} />
        {route.page === 'flows' && <FlowListPage />}
        {route.page === 'flow' && (
          <FlowPage key={route.flowId} flowId={route.flowId} />
        )}
        {route.page === 'outbox' && <OutboxPage />}
      </div>
    </ApiContext.Provider>
  );
}
