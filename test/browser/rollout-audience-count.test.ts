/**
 * The Rollout inspector counts its audience over every current Customer
 * (here more than 5,000, well past the old first-1,000 sample) and shows
 * the total; dragging the percentage slider sends few requests, and the
 * count shown in the end is the engine's count for where the slider
 * stopped.
 */
import path from 'node:path';
import { rolloutAudienceTest, type RolloutStep } from '@herald/engine';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { screenshotsDir } from '../support/builder-session.js';
import {
  describeInChromium,
  useBuilderSession,
} from '../support/browser-suite.js';

const FLOW_NAME = 'Shipping update for VIP customers';
const EXTRA_CUSTOMERS = 5_000;

describeInChromium('rollout audience count', () => {
  const session = useBuilderSession({
    herald: { demo: true, worker: false },
    viewport: { width: 1400, height: 1000 },
  });
  let flowId: string;
  const counts: string[] = [];

  beforeAll(async () => {
    await sql`
      insert into customers (id, tier, region)
      select 'bulk-' || lpad(g::text, 5, '0'),
             (array['VIP', 'Gold', 'Standard', 'Platinum'])[1 + g % 4],
             (array['Northeast', 'West', null])[1 + g % 3]
      from generate_series(1, ${EXTRA_CUSTOMERS}) as g
    `.execute(session.herald.db);
    session.page.on('request', (request) => {
      if (request.url().endsWith('/rollout-audience')) {
        counts.push(request.postData() ?? '');
      }
    });
    const flows = await session.herald.api('/api/flows');
    flowId = flows.body.items.find(
      (item: { name: string }) => item.name === FLOW_NAME,
    ).id;
  });

  /** What the engine admits over every Customer in the database. */
  async function expected(data: RolloutStep['data']) {
    const customers = await session.herald.db
      .selectFrom('customers')
      .select(['id', 'tier', 'region'])
      .execute();
    const admits = rolloutAudienceTest(data, flowId);
    return {
      admitted: customers.filter((customer) => admits(customer)).length,
      total: customers.length,
    };
  }

  const audience = () => session.page.getByTestId('rollout-audience');
  const settled = async () => {
    await expect
      .poll(() => audience().getAttribute('data-count'))
      .not.toBe(null);
    await expect
      .poll(() => audience().getAttribute('data-counting'))
      .toBe(null);
  };

  it('counts every customer and shows the total', async () => {
    await session.page.goto(
      `${session.herald.url}/#token=${session.herald.token}`,
    );
    await session.page
      .getByTestId('flow-row')
      .filter({ hasText: FLOW_NAME })
      .getByRole('link')
      .click();
    await session.page.getByTestId('step-rollout').click();
    await settled();

    const want = await expected({ tiers: ['VIP', 'Platinum'] });
    expect(want.total).toBeGreaterThan(EXTRA_CUSTOMERS);
    expect(await audience().getAttribute('data-count')).toBe(
      String(want.admitted),
    );
    expect(await audience().innerText()).toBe(
      `${want.admitted.toLocaleString('en-US')} of ` +
        `${want.total.toLocaleString('en-US')} current customers are in ` +
        'this audience.',
    );
  });

  it('stays responsive while the slider is dragged', async () => {
    counts.length = 0;
    const slider = session.page.getByTestId('rollout-percentage-slider');
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    await session.page.mouse.move(box.x + box.width - 2, y);
    await session.page.mouse.down();
    for (let step = 1; step <= 30; step += 1) {
      await session.page.mouse.move(box.x + box.width * (1 - step / 40), y);
    }
    await session.page.mouse.up();
    await settled();

    const percentage = Number(await slider.inputValue());
    expect(percentage).toBeLessThan(40);
    expect(counts.length).toBeLessThanOrEqual(3);
    const want = await expected({ tiers: ['VIP', 'Platinum'], percentage });
    expect(await audience().getAttribute('data-count')).toBe(
      String(want.admitted),
    );
    await session.page
      .locator('.inspector')
      .first()
      .screenshot({
        path: path.join(screenshotsDir, 'rollout-audience-count.png'),
      });
    expect(session.problems).toEqual([]);
  });
});
