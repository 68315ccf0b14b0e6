import { useEffect, useState } from 'react';
import type { CustomerView } from './activity-types';
import { listCustomers } from './activity-api';

/** Most Customers read for audience counts and previews. */
export const CUSTOMER_SAMPLE_LIMIT = 1000;

// One read per page load: inspectors open and close often, and the count
// they show need not be fresher than the page.
let sample: Promise<CustomerView[]> | null = null;

/** The current Customers (up to 1,000); null while loading or on failure. */
export function useCustomerSample(): {
  customers: CustomerView[] | null;
  failed: boolean;
} {
  const [state, setState] = useState<{
    customers: CustomerView[] | null;
    failed: boolean;
  }>({ customers: null, failed: false });

  useEffect(() => {
    let current = true;
    sample ??= listCustomers(CUSTOMER_SAMPLE_LIMIT);
    sample.then(
      (customers) => current && setState({ customers, failed: false }),
      () => {
        sample = null;
        if (current) setState({ customers: null, failed: true });
      },
    );

    return () => {
      current = false;
    };
  }, []);

  return state;
}
