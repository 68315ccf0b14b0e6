/**
 * Percentiles of a list of latencies, nearest-rank.
 */

/** The `p`th percentile (0–100) of `values`; 0 for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) {
    return 0;
  }

  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
