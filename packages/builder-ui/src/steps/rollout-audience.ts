/**
 * Who a Rollout admits, computed in the browser the way the compiled rule
 * decides it: anyone on the allow-list, else a Customer matching every
 * limit that is set (tier, region without case, stable percentage bucket).
 */
import { rolloutBucket } from '@herald/engine';
import type { RolloutStep } from '@herald/engine';

/** What the audience check reads from a Customer. */
export interface AudienceCustomer {
  id: string;
  tier: string | null;
  region: string | null;
}

/** Whether the Rollout of Flow `flowId` admits `customer`. */
export function inRolloutAudience(
  data: RolloutStep['data'],
  flowId: string,
  customer: AudienceCustomer,
): boolean {
  if (data.allowList?.includes(customer.id)) {
    return true;
  }

  if (data.tiers?.length && !data.tiers.includes(customer.tier ?? '')) {
    return false;
  }

  const region = (customer.region ?? '').toLowerCase();
  const regions = data.regions?.map((item) => item.toLowerCase());
  if (regions?.length && !regions.includes(region)) {
    return false;
  }

  const percentage = data.percentage ?? 100;
  return percentage >= 100 || rolloutBucket(customer.id, flowId) < percentage;
}
