/**
 * Which pages each role can use, mirroring the server's access rules
 * (packages/server/src/http/access-policy.ts): a page whose API a role may
 * not call is neither linked in the navigation nor opened for it, so
 * nobody lands on a page that only answers "forbidden".
 */
import type { Role } from '../api/access-types';
import type { AppRoute } from './app-route';

/** A page name, as routes carry it. */
export type PageName = AppRoute['page'];

const pagesByRole: Record<Role, readonly PageName[]> = {
  admin: [
    'flows',
    'flow',
    'outbox',
    'templates',
    'runs',
    'deliveries',
    'conversations',
    'conversation-policy',
    'access',
    'audit',
    'profile',
  ],
  // Business users read Flows (and change Rollouts), Deliveries, the
  // Template library and Runs; the console is for Agents.
  business: [
    'flows',
    'flow',
    'outbox',
    'templates',
    'runs',
    'deliveries',
    'profile',
  ],
  agent: ['conversations', 'profile'],
  // An ingest token feeds Records; there is nothing for it to open.
  ingest: ['profile'],
};

/** Whether `role` may open `page`. */
export function canOpen(role: Role, page: PageName): boolean {
  return pagesByRole[role].includes(page);
}

/** Where `role` lands after signing in: the first page it may open. */
export function homeRoute(role: Role): AppRoute {
  const [first] = pagesByRole[role];
  return first === 'flow' ? { page: 'flows' } : ({ page: first } as AppRoute);
}

/**
 * The route to show `role` for the requested one: the request when the
 * role may open it, else the role's home.
 */
export function routeFor(role: Role, requested: AppRoute): AppRoute {
  return canOpen(role, requested.page) ? requested : homeRoute(role);
}
