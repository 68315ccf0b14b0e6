import type { SessionInfo } from '../api/access-types';
import type { AppRoute } from './app-route';
import { routeHref } from './app-route';

/** Props of {@link NavBar}. */
export interface NavBarProps {
  route: AppRoute;
  principal: SessionInfo;
  onSignOut: () => void;
}

/** The top bar: product name, page links, who is signed in, sign-out. */
export function NavBar({ route, principal, onSignOut }: NavBarProps) {
  const isAdmin = principal.role === 'admin';
  const onFlows = route.page === 'flows' || route.page === 'flow';

  return (
    <header className="nav">
      <span className="nav__brand">Herald</span>
      <nav className="nav__links" aria-label="Main">
        <a
          href={routeHref({ page: 'flows' })}
          className={onFlows ? 'nav__link nav__link--current' : 'nav__link'}
          aria-current={onFlows ? 'page' : undefined}
          data-testid="nav-flows"
        >
          Flows
        </a>
        <a
          href={routeHref({ page: 'outbox' })}
          className={
            route.page === 'outbox'
              ? 'nav__link nav__link--current'
              : 'nav__link'
          }
          aria-current={route.page === 'outbox' ? 'page' : undefined}
          data-testid="nav-outbox"
        >
          Outbox
        </a>
        {(isAdmin || principal.role === 'business') && (
          <>
            <a
              href={routeHref({ page: 'templates' })}
              className={linkClass(route.page === 'templates')}
              data-testid="nav-templates"
            >
              Templates
            </a>
            <a
              href={routeHref({ page: 'runs' })}
              className={linkClass(route.page === 'runs')}
              data-testid="nav-runs"
            >
              Runs
            </a>
          </>
        )}
        {(isAdmin || principal.role === 'agent') && (
          <a
            href={routeHref({ page: 'conversations' })}
            className={linkClass(
              route.page === 'conversations' ||
                route.page === 'conversation-policy',
            )}
            data-testid="nav-conversations"
          >
            Conversations
          </a>
        )}
        {isAdmin && (
          <a
            href={routeHref({ page: 'access' })}
            className={linkClass(route.page === 'access')}
            data-testid="nav-access"
          >
            Access
          </a>
        )}
        {isAdmin && (
          <a
            href={routeHref({ page: 'audit' })}
            className={linkClass(route.page === 'audit')}
            data-testid="nav-audit"
          >
            Audit
          </a>
        )}
      </nav>
      <a
        href={routeHref({ page: 'profile' })}
        className="nav__user muted"
        aria-current={route.page === 'profile' ? 'page' : undefined}
        title="Your profile and test recipient"
        data-testid="signed-in-as"
      >
        {principal.name} ({principal.role})
      </a>
      <button
        type="button"
        className="button button--quiet nav__sign-out"
        onClick={onSignOut}
        data-testid="sign-out"
      >
        Sign out
      </button>
    </header>
  );
}

function linkClass(current: boolean) {
  return current ? 'nav__link nav__link--current' : 'nav__link';
}
