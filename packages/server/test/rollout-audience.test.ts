/**
 * POST /api/flows/:id/rollout-audience counts every current Customer, not
 * a first page of them, and admits exactly the Customers the engine's
 * audience test admits (the compiled Rollout the worker runs).
 */
import { rolloutAudienceTest, type RolloutStep } from '@herald/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestUser,
  signInAs,
  type SessionClient,
} from './access-client.js';
import { AUDIENCE_PAGE_SIZE } from '../src/services/rollout-audience-service.js';
import { expectOk, publishShippingFlow, seedBasics } from './fixtures.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

// More than two pages, so the count crosses page boundaries.
const SEEDED = AUDIENCE_PAGE_SIZE * 2 + 4_321;

const rollouts: [string, RolloutStep['data']][] = [
  ['everyone', {}],
  ['tiers', { tiers: ['VIP', 'Platinum'] }],
  ['regions without case', { regions: ['north', 'EAST'] }],
  ['a stable percentage', { percentage: 12.5 }],
  [
    'all limits and an allow-list',
    {
      tiers: ['Gold'],
      regions: ['South'],
      percentage: 40,
      allowList: ['aud-000007', 'aud-000008', 'not-a-customer'],
    },
  ],
  ['nobody', { percentage: 0 }],
];

describe('POST /api/flows/:id/rollout-audience', () => {
  let herald: TestHerald;
  let flowId: string;
  let business: SessionClient;
  let total: number;

  beforeAll(async () => {
    herald = await startTestHerald({ worker: false });
    await seedBasics(herald);
    flowId = await publishShippingFlow(herald);
    await sql`
      insert into customers (id, tier, region)
      select 'aud-' || lpad(g::text, 6, '0'),
             (array['VIP', 'Gold', 'Standard', 'Platinum'])[1 + g % 4],
             (array['North', 'south', 'East', null, 'West'])[1 + g % 5]
      from generate_series(1, ${SEEDED}) as g
    `.execute(herald.db);
    total = SEEDED + 2; // seedBasics adds vip-1 and std-1
    await createTestUser(herald, 'bea@example.com', 'business');
    business = await signInAs(herald, 'bea@example.com');
  });

  afterAll(async () => {
    await herald?.stop();
  });

  it.each(rollouts)(
    'counts every customer the engine admits: %s',
    async (_name, data) => {
      const customers = await herald.db
        .selectFrom('customers')
        .select(['id', 'tier', 'region'])
        .execute();
      const admits = rolloutAudienceTest(data, flowId);
      const expected = customers.filter((customer) => admits(customer)).length;

      const count = await expectOk(
        herald.api(`/api/flows/${flowId}/rollout-audience`, { body: data }),
      );

      expect(count).toEqual({
        admitted: expected,
        total,
        regions: ['East', 'North', 'West', 'south'],
      });
    },
  );

  it('counts more than a thousand customers in a large audience', async () => {
    const count = await expectOk(
      herald.api(`/api/flows/${flowId}/rollout-audience`, {
        body: { percentage: 50 },
      }),
    );

    expect(count.total).toBe(total);
    expect(count.admitted).toBeGreaterThan(total * 0.45);
    expect(count.admitted).toBeLessThan(total * 0.55);
  });

  it('answers a business user signed in by cookie', async () => {
    const response = await business.call(
      `/api/flows/${flowId}/rollout-audience`,
      { body: { tiers: ['VIP'] } },
    );

    expect(response.status).toBe(200);
    expect(response.body.total).toBe(total);
  });

  it('refuses an unknown flow and a malformed rollout', async () => {
    const unknown = await herald.api(
      '/api/flows/00000000-0000-4000-8000-000000000000/rollout-audience',
      { body: {} },
    );
    const malformed = await herald.api(
      `/api/flows/${flowId}/rollout-audience`,
      { body: { percentage: 140 } },
    );

    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('HERALD_FLOW_NOT_FOUND');
    expect(malformed.status).toBe(400);
  });
});
