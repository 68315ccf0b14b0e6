import { useSyncExternalStore } from 'react';
import { parseRoute, type AppRoute } from './app-route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function readHash(): string {
  return window.location.hash;
}

/** The current route, following changes of the URL fragment. */
export function useHashRoute(): AppRoute {
  const hash = useSyncExternalStore(subscribe, readHash);
  return parseRoute(hash);
}
