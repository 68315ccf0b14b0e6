import { useEffect, useState } from 'react';
import type { CustomerView, RunView } from '../api/activity-types';
import { listCustomers, listRuns } from '../api/activity-api';

/** What the simulator offers to pick from. */
export interface SimulationSources {
  customers: CustomerView[];
  /** Recent Runs of Changes to the Trigger's object type, newest first. */
  runs: RunView[];
  /** Why a list could not be read, in plain words; null when both were. */
  failure: string | null;
}

/**
 * Loads up to 1,000 Customers and the 50 most recent Runs once the
 * simulator opens; Runs of other object types are left out.
 */
export function useSimulationSources(
  objectType: string | undefined,
): SimulationSources {
  const [sources, setSources] = useState<SimulationSources>({
    customers: [],
    runs: [],
    failure: null,
  });

  useEffect(() => {
    let current = true;
    Promise.allSettled([listCustomers(1000), listRuns({ limit: 50 })]).then(
      ([customers, runs]) => {
        if (!current) {
          return;
        }

        setSources({
          customers: customers.status === 'fulfilled' ? customers.value : [],
          runs:
            runs.status === 'fulfilled'
              ? runs.value.filter((run) => run.objectType === objectType)
              : [],
          failure: failureOf(customers, runs),
        });
      },
    );

    return () => {
      current = false;
    };
  }, [objectType]);

  return sources;
}

function failureOf(
  customers: PromiseSettledResult<unknown>,
  runs: PromiseSettledResult<unknown>,
): string | null {
  if (customers.status === 'rejected') {
    return 'The customer list could not be read; type a customer id instead.';
  }

  if (runs.status === 'rejected') {
    return 'Recent runs could not be read.';
  }

  return null;
}
