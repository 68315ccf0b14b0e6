/**
 * How many current Customers a Rollout would admit, counted over every
 * Customer with the engine's own audience test (the compiled Rollout
 * condition the worker runs), a page of Customers at a time.
 */
import { rolloutAudienceTest, type RolloutStep } from '@herald/engine';
import type { Db } from '../db/database.js';
import { listAudiencePage } from '../repositories/customer-repository.js';
import { findFlow } from '../repositories/flow-repository.js';
import { HeraldError } from '../errors.js';

/** Customers read per query; large enough to keep round trips few. */
export const AUDIENCE_PAGE_SIZE = 20_000;

/** Most distinct regions an audience count lists. */
export const AUDIENCE_REGION_LIMIT = 200;

/** An audience count: admitted Customers out of all current ones. */
export interface AudienceCount {
  admitted: number;
  total: number;
  /** The regions Customers live in, sorted (at most 200), for chips. */
  regions: string[];
}

/**
 * Counts the Customers the Rollout `data` of Flow `flowId` admits. When
 * `signal` aborts (the caller went away: a slider that moved on) it stops
 * reading and answers the count so far, which nobody will see.
 */
export async function countRolloutAudience(
  db: Db,
  flowId: string,
  data: RolloutStep['data'],
  signal?: AbortSignal,
): Promise<AudienceCount> {
  if (!(await findFlow(db, flowId))) {
    throw new HeraldError('HERALD_FLOW_NOT_FOUND', `flow ${flowId} not found`, {
      flowId,
      field: 'id',
    });
  }

  const admits = rolloutAudienceTest(data, flowId);
  const count = { admitted: 0, total: 0 };
  const regions = new Set<string>();
  let after: string | null = null;
  for (;;) {
    if (signal?.aborted) {
      break;
    }

    const page = await listAudiencePage(db, {
      after,
      limit: AUDIENCE_PAGE_SIZE,
    });
    for (const customer of page) {
      if (admits(customer)) count.admitted += 1;
      if (customer.region) regions.add(customer.region);
    }

    count.total += page.length;
    if (page.length < AUDIENCE_PAGE_SIZE) {
      break;
    }

    after = page[page.length - 1].id;
  }

  const sorted = [...regions].sort().slice(0, AUDIENCE_REGION_LIMIT);
  return { ...count, regions: sorted };
}
