import type { SessionInfo } from '../api/access-types';
import type { AppRoute } from './app-route';
import { routeHref } from './app-route';
import { canOpen, type PageName } from './role-pages';

/** Props of {@link NavBar}. */
export interface NavBarProps {
  route: AppRoute;
  principal: SessionInfo;
  onSignOut: () => void;
}

/** A link of the bar, and the pages that count as being on it. */
interface NavLink {
  page: PageName;
  label: string;
  current: readonly PageName[];
}

const links: readonly NavLink[] = [
  { page: 'flows', label: 'Flows', current: ['flows', 'flow'] },
  { page: 'outbox', label: 'Outbox', current: ['outbox'] },
  { page: 'templates', label: 'Templates', current: ['templates'] },
  { page: 'runs', label: 'Runs', current: ['runs'] },
  { page: 'deliveries', label: 'Deliveries', current: ['deliveries'] },
  {
    page: 'conversations',
    label: 'Conversations',
    current: ['conversations', 'conversation-policy'],
  },
  { page: 'access', label: 'Access', current: ['access'] },
  { page: 'audit', label: 'Audit', current: ['audit'] },
];

/**
 * The top bar: product name, links to the pages the signed-in role can
 * use, who is signed in, sign-out.
 */
export function NavBar({ route, principal, onSignOut }: NavBarProps) {
  const shown = links.filter((link) => canOpen(principal.role, link.page));

  return (
    <header className="nav">
      <span className="nav__brand">Herald</span>
      <nav className="nav__links" aria-label="Main">
        {shown.map((link) => {
          const current = link.current.includes(route.page);
          return (
            <a
              key={link.page}
              href={routeHref({ page: link.page } as AppRoute)}
              className={current ? 'nav__link nav__link--current' : 'nav__link'}
              aria-current={current ? 'page' : undefined}
              data-testid={`nav-${link.page}`}
            >
              {link.label}
            </a>
          );
        })}
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
