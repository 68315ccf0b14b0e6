import type { RolloutStep } from '@herald/engine';
import {
  CUSTOMER_SAMPLE_LIMIT,
  useCustomerSample,
} from '../api/use-customer-sample';
import { inRolloutAudience } from '../steps/rollout-audience';

/** Props of {@link RolloutAudienceCount}. */
export interface RolloutAudienceCountProps {
  data: RolloutStep['data'];
  /** The Flow the Rollout belongs to; buckets differ per Flow. */
  flowId: string | undefined;
}

/**
 * How many current Customers the Rollout would admit, counted live as it
 * is edited, with the same stable buckets the engine uses.
 */
export function RolloutAudienceCount({
  data,
  flowId,
}: RolloutAudienceCountProps) {
  const { customers, failed } = useCustomerSample();
  if (failed) {
    return (
      <p className="muted" data-testid="rollout-audience">
        The customer list could not be read, so the audience is not counted.
      </p>
    );
  }

  if (!customers || !flowId) {
    return <p className="muted">Counting the audience…</p>;
  }

  const admitted = customers.filter((customer) =>
    inRolloutAudience(data, flowId, customer),
  ).length;
  // Limitation: counts at most the first 1,000 Customers the API lists.
  const sampled = customers.length >= CUSTOMER_SAMPLE_LIMIT ? ' (sampled)' : '';
  return (
    <p
      className="notice"
      aria-live="polite"
      data-testid="rollout-audience"
      data-count={admitted}
    >
      <span>
        <strong>{admitted}</strong> of {customers.length} current customers
        {sampled} are in this audience.
      </span>
    </p>
  );
}

/** The regions current Customers live in, for region chips. */
export function useKnownRegions(): string[] {
  const { customers } = useCustomerSample();
  const regions = new Set(
    (customers ?? []).flatMap((customer) =>
      customer.region ? [customer.region] : [],
    ),
  );

  return [...regions].sort();
}
