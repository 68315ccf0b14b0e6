/**
 * The builder's pages, addressed by the URL fragment: `#/flows`,
 * `#/flows/<flowId>`, `#/outbox`, `#/access` (users and tokens),
 * `#/audit`, `#/conversations` (the agent console), `#/deliveries` and
 * `#/deliveries/<deliveryId>` (Deliveries, with one timeline open; their
 * filters follow a `?` in the fragment),
 * `#/conversation-policy` (its settings, for admins), `#/templates` (the
 * Template library), `#/runs` (run history) and `#/profile` (the signed-in
 * person's own settings, such as their test recipient). Anything else
 * shows the flows list.
 */
export type AppRoute =
  | { page: 'flows' }
  | { page: 'flow'; flowId: string }
  | { page: 'outbox' }
  | { page: 'access' }
  | { page: 'audit' }
  | { page: 'conversations' }
  | { page: 'conversation-policy' }
  | { page: 'templates' }
  | { page: 'runs' }
  | { page: 'deliveries'; deliveryId?: string }
  | { page: 'profile' };

/** Reads the route from a `location.hash` value. */
export function parseRoute(hash: string): AppRoute {
  const segments = hash
    .replace(/^#\/?/, '')
    .split('?')[0]
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeURIComponent);

  if (
    segments[0] === 'outbox' ||
    segments[0] === 'access' ||
    segments[0] === 'audit' ||
    segments[0] === 'conversations' ||
    segments[0] === 'conversation-policy' ||
    segments[0] === 'templates' ||
    segments[0] === 'runs' ||
    segments[0] === 'profile'
  ) {
    return { page: segments[0] };
  }

  if (segments[0] === 'deliveries') {
    return segments[1]
      ? { page: 'deliveries', deliveryId: segments[1] }
      : { page: 'deliveries' };
  }

  if (segments[0] === 'flows' && segments[1]) {
    return { page: 'flow', flowId: segments[1] };
  }

  return { page: 'flows' };
}

/** The fragment that opens a route, for links. */
export function routeHref(route: AppRoute): string {
  if (route.page === 'flow') {
    return `#/flows/${encodeURIComponent(route.flowId)}`;
  }

  if (route.page === 'deliveries' && route.deliveryId) {
    return `#/deliveries/${encodeURIComponent(route.deliveryId)}`;
  }

  return `#/${route.page}`;
}
