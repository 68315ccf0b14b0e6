/**
 * Stable rollout buckets. A Customer's bucket for a Flow never changes, so
 * raising a Rollout from 10% to 20% keeps everyone who was already in and
 * adds new Customers; different Flows bucket the same Customer
 * independently.
 */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BUCKETS = 10_000;

/**
 * The Customer's bucket for a Flow, in [0, 100) with two decimals: the
 * 32-bit FNV-1a hash of the UTF-8 bytes of `flowId + ':' + customerId`,
 * modulo 10,000, divided by 100. A Customer is in a p% rollout when the
 * bucket is below p.
 */
export function rolloutBucket(customerId: string, flowId: string): number {
  const bytes = new TextEncoder().encode(`${flowId}:${customerId}`);
  let hash = FNV_OFFSET_BASIS;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }

  return (hash % BUCKETS) / 100;
}
