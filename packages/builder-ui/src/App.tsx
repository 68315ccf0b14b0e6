import { useState } from 'react';
import { ApiContext } from './api/api-context';
import { NavBar } from './app/NavBar';
import { routeFor } from './app/role-pages';
import { useHashRoute } from './app/use-hash-route';
import { AccessPage } from './access/AccessPage';
import { AuditPage } from './audit/AuditPage';
import { ConsolePage } from './console/ConsolePage';
import { ConversationPolicyPage } from './console/ConversationPolicyPage';
import { LoginPage } from './auth/LoginPage';
import { PrincipalContext } from './auth/principal-context';
import { SignInPage } from './auth/SignInPage';
import { useAuth } from './auth/use-auth';
import { FlowListPage } from './flows/FlowListPage';
import { FlowPage } from './flows/FlowPage';
import { OutboxPage } from './outbox/OutboxPage';
import { ProfilePage } from './profile/ProfilePage';
import { RunHistoryPage } from './activity/RunHistoryPage';
import { DeliveriesPage } from './deliveries/DeliveriesPage';
import { TemplateLibraryPage } from './templates/TemplateLibraryPage';

/**
 * The builder shell: the sign-in screen (email and password, or a token)
 * until the server knows who is here, then the navigation bar and the
 * page the URL fragment names, or the role's home page when the role may
 * not use that one (an Agent lands in the console, not on Flows).
 */
export function App() {
  const requested = useHashRoute();
  const auth = useAuth();
  const [useToken, setUseToken] = useState(false);

  if (auth.state === 'checking') {
    return (
      <main className="sign-in">
        <p className="muted">Signing in…</p>
      </main>
    );
  }

  if (!auth.api || !auth.principal) {
    return useToken ? (
      <SignInPage
        notice={auth.notice}
        onSignIn={auth.signInWithToken}
        onUsePassword={() => setUseToken(false)}
      />
    ) : (
      <LoginPage
        notice={auth.notice}
        onSignedIn={auth.signedInWithPassword}
        onUseToken={() => setUseToken(true)}
      />
    );
  }

  const route = routeFor(auth.principal.role, requested);
  return (
    <ApiContext.Provider value={auth.api}>
      <PrincipalContext.Provider value={auth.principal}>
        <div className="app">
          <NavBar
            route={route}
            principal={auth.principal}
            onSignOut={auth.signOut}
          />
          {route.page === 'flows' && <FlowListPage />}
          {route.page === 'flow' && (
            <FlowPage key={route.flowId} flowId={route.flowId} />
          )}
          {route.page === 'outbox' && <OutboxPage />}
          {route.page === 'access' && <AccessPage />}
          {route.page === 'audit' && <AuditPage />}
          {route.page === 'conversations' && <ConsolePage />}
          {route.page === 'conversation-policy' && <ConversationPolicyPage />}
          {route.page === 'templates' && <TemplateLibraryPage />}
          {route.page === 'runs' && <RunHistoryPage />}
          {route.page === 'deliveries' && (
            <DeliveriesPage deliveryId={route.deliveryId} />
          )}
          {route.page === 'profile' && <ProfilePage />}
        </div>
      </PrincipalContext.Provider>
    </ApiContext.Provider>
  );
}
