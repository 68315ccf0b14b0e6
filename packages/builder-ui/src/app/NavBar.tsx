import type { AppRoute } from './app-route';
import { routeHref } from './app-route';

/** Props of {@link NavBar}. */
export interface NavBarProps {
  route: AppRoute;
  onSignOut: () => void;
}

/** The top bar: product name, page links and sign-out. */
export function NavBar({ route, onSignOut }: NavBarProps) {
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
      </nav>
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
