import { useCallback, useEffect, useRef, useState } from 'react';
import { listDeliveryPage } from '../api/activity-api';
import type { DeliveryListItem } from '../api/delivery-types';
import type { DeliveryFilters } from './delivery-filters';

/** How many Deliveries one page holds. */
export const DELIVERY_PAGE_SIZE = 25;

/** The pages read so far for one set of filters. */
export interface DeliveryPages {
  items: DeliveryListItem[];
  phase: 'loading' | 'ready' | 'failed';
  error: unknown;
  /** Whether the last page was full, so an older one may exist. */
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

interface Loaded {
  items: DeliveryListItem[];
  phase: DeliveryPages['phase'];
  error: unknown;
  hasMore: boolean;
}

const loading: Loaded = {
  items: [],
  phase: 'loading',
  error: null,
  hasMore: false,
};

/**
 * Deliveries matching `filters`, newest first, a page at a time. New
 * filters start over; answers for filters no longer shown are dropped.
 */
export function useDeliveryPages(filters: DeliveryFilters): DeliveryPages {
  const key = JSON.stringify(filters);
  const [loaded, setLoaded] = useState<Loaded>(loading);
  const [generation, setGeneration] = useState(0);
  const current = useRef(key);

  const readPage = useCallback(
    async (before: string | undefined, previous: DeliveryListItem[]) => {
      const readFor = key;
      setLoaded((state) => ({ ...state, phase: 'loading', error: null }));
      try {
        const page = await listDeliveryPage({
          ...(JSON.parse(readFor) as DeliveryFilters),
          before,
          limit: DELIVERY_PAGE_SIZE,
        });
        if (current.current === readFor) {
          const hasMore = page.length === DELIVERY_PAGE_SIZE;
          setLoaded({
            items: [...previous, ...page],
            phase: 'ready',
            error: null,
            hasMore,
          });
        }
      } catch (error) {
        if (current.current === readFor) {
          setLoaded({ items: previous, phase: 'failed', error, hasMore: true });
        }
      }
    },
    [key],
  );

  useEffect(() => {
    current.current = key;
    setLoaded(loading);
    void readPage(undefined, []);
  }, [key, generation, readPage]);

  const loadMore = () => {
    void readPage(loaded.items.at(-1)?.id, loaded.items);
  };
  const reload = () => setGeneration((value) => value + 1);
  return { ...loaded, loadMore, reload };
}
