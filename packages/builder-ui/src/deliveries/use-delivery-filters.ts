import { useSyncExternalStore } from 'react';
import { readFilters, type DeliveryFilters } from './delivery-filters';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function readHash(): string {
  return window.location.hash;
}

/** The Deliveries filters in the URL fragment, following its changes. */
export function useDeliveryFilters(): DeliveryFilters {
  const hash = useSyncExternalStore(subscribe, readHash);
  return readFilters(hash);
}
