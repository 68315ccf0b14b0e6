import { useEffect, useState } from 'react';
import type { CustomerView, RunView } from '../api/activity-types';
import {
  listCustomers,
  listDeliveryViews,
  listRuns,
} from '../api/activity-api';
import { recentChanges, type RecentChange } from './recent-changes';

/** What the simulator offers to pick from. */
export interface SimulationSources {
  customers: CustomerView[];
  /** Recent Runs of Changes to the Trigger's object type, newest first. */
  runs: RunView[];
  /** Changes the Flow recently made Deliveries for, newest first. */
  deliveries: RecentChange[];
  /** Why a list could not be read, in plain words; null when all were. */
  failure: string | null;
}

/** Deliveries read for the recent list; several may share one Change. */
const RECENT_DELIVERIES = 50;

/**
 * Loads up to 1,000 Customers, the 50 most recent Runs and the Flow's 50
 * most recent Deliveries once the simulator opens; Runs of other object
 * types are left out.
 */
export function useSimulationSources(
  flowId: string,
  objectType: string | undefined,
): SimulationSources {
  const [sources, setSources] = useState<SimulationSources>({
    customers: [],
    runs: [],
    deliveries: [],
    failure: null,
  });

  useEffect(() => {
    let current = true;
    Promise.allSettled([
      listCustomers(1000),
      listRuns({ limit: 50 }),
      listDeliveryViews({ flowId, limit: RECENT_DELIVERIES }),
    ]).then(([customers, runs, deliveries]) => {
      if (!current) {
        return;
      }

      setSources({
        customers: valueOr(customers, []),
        runs: valueOr(runs, []).filter((run) => run.objectType === objectType),
        deliveries: recentChanges(valueOr(deliveries, [])),
        failure: failureOf(customers, runs, deliveries),
      });
    });

    return () => {
      current = false;
    };
  }, [flowId, objectType]);

  return sources;
}

function valueOr<T>(result: PromiseSettledResult<T>, fallback: T): T {
  return result.status === 'fulfilled' ? result.value : fallback;
}

function failureOf(
  customers: PromiseSettledResult<unknown>,
  runs: PromiseSettledResult<unknown>,
  deliveries: PromiseSettledResult<unknown>,
): string | null {
  if (customers.status === 'rejected') {
    return 'The customer list could not be read; type a customer id instead.';
  }

  if (runs.status === 'rejected' || deliveries.status === 'rejected') {
    return 'Recent runs or deliveries could not be read.';
  }

  return null;
}
