/**
 * In a real browser, the Deliveries page: filters by status and channel
 * kept in the URL (a reload keeps them), "Load more" for older pages, a
 * Delivery's timeline with its states, Attempts and reasons, a blocked
 * Delivery saying why in plain words, and the flow page's recent
 * deliveries linking to the timeline.
 */
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import {
  expectOk,
  publishShippingFlow,
  seedBasics,
} from '../../packages/server/test/fixtures.js';
import { eventually } from '../../packages/server/test/test-herald.js';
import { screenshotsDir } from '../support/builder-session.js';
import {
  describeInChromium,
  useBuilderSession,
} from '../support/browser-suite.js';

/** One more than a page, so "Load more" has something to load. */
const SMS_SHIPMENTS = 26;

describeInChromium('deliveries page', () => {
  const session = useBuilderSession({
    viewport: { width: 1500, height: 1000 },
  });
  let flowId: string;

  beforeAll(async () => {
    await seedData();
    await session.page.goto(
      `${session.herald.url}/#token=${session.herald.token}`,
    );
    await session.page.getByTestId('nav-deliveries').waitFor();
  }, 120_000);

  async function seedData() {
    await seedBasics(session.herald);
    await expectOk(
      session.herald.api('/api/customers/wa-1', {
        method: 'PUT',
        body: {
          firstName: 'Wanda',
          tier: 'VIP',
          whatsappId: '14155550111',
          preferredChannel: 'whatsapp',
          consent: [{ channel: 'whatsapp', status: 'opt_in', source: 'web' }],
        },
      }),
    );
    await expectOk(
      session.herald.api('/api/customers/no-consent-1', {
        method: 'PUT',
        body: { firstName: 'Nia', tier: 'VIP', phone: '+14155550122' },
      }),
    );
    flowId = await publishShippingFlow(session.herald);
    const shipments: [string, string][] = [
      ['wa-1', 'WA-1'],
      ['no-consent-1', 'BLOCKED-1'],
    ];
    for (let n = 1; n <= SMS_SHIPMENTS; n += 1) {
      shipments.push(['vip-1', `SMS-${n}`]);
    }
    for (const [customerId, recordId] of shipments) {
      await expectOk(
        session.herald.api(`/api/records/Shipment/${recordId}`, {
          method: 'PUT',
          body: {
            customerId,
            fields: { status: 'Shipped', carrier: 'UPS', trackingNumber: 'T' },
          },
        }),
      );
    }
    await eventually(async () => {
      const list = await session.herald.api(`/api/deliveries?flowId=${flowId}`);
      const settled = list.body.items.filter((item: any) =>
        ['sent', 'blocked'].includes(item.status),
      );
      return settled.length === shipments.length;
    }, 60_000);
  }

  const rows = () => session.page.getByTestId('delivery-row');
  const shot = (name: string) =>
    session.page.screenshot({
      path: path.join(screenshotsDir, name),
      fullPage: true,
    });

  it('filters by status and channel, keeping them over a reload', async () => {
    await session.page.getByTestId('nav-deliveries').click();
    await rows().first().waitFor();

    await session.page
      .getByTestId('delivery-filter-channel')
      .selectOption('whatsapp');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().innerText()).toContain('wa-1');

    await session.page
      .getByTestId('delivery-filter-channel')
      .selectOption('sms');
    await session.page
      .getByTestId('delivery-filter-status')
      .selectOption('sent');
    await expect.poll(() => rows().count()).toBe(25);
    expect(session.page.url()).toContain('status=sent');
    expect(session.page.url()).toContain('channel=sms');

    await session.page.getByTestId('deliveries-load-more').click();
    await expect.poll(() => rows().count()).toBe(SMS_SHIPMENTS);
    await shot('deliveries-filtered.png');

    await session.page.reload();
    await expect.poll(() => rows().count()).toBe(25);
    expect(
      await session.page.getByTestId('delivery-filter-status').inputValue(),
    ).toBe('sent');
    expect(
      await session.page.getByTestId('delivery-filter-channel').inputValue(),
    ).toBe('sms');
  });

  it("opens a delivery's timeline with its states and attempt", async () => {
    await rows().first().getByTestId('delivery-open').click();
    const timeline = session.page.getByTestId('delivery-timeline');
    await timeline.getByTestId('timeline-attempt').first().waitFor();

    expect(await timeline.getByTestId('delivery-outcome').innerText()).toBe(
      'Sent',
    );
    const attempt = await timeline
      .getByTestId('timeline-attempt')
      .first()
      .innerText();
    expect(attempt).toContain('Attempt on SMS: accepted by the provider');
    expect(attempt).toContain('+14155550100');
    expect(attempt).toMatch(/Provider message id/);
    expect(
      await timeline.getByTestId('timeline-status').count(),
    ).toBeGreaterThan(1);
    expect(session.page.url()).toMatch(
      /#\/deliveries\/[0-9a-f-]+\?status=sent/,
    );
    await shot('deliveries-timeline.png');

    await session.page.reload();
    await timeline.getByTestId('timeline-attempt').first().waitFor();
  });

  it('says in plain words why a delivery was blocked', async () => {
    await session.page.goto(
      `${session.herald.url}/#/deliveries?status=blocked`,
    );
    await expect.poll(() => rows().count()).toBe(1);
    expect(
      await rows().first().getByTestId('delivery-reason').innerText(),
    ).toBe('The customer has not opted in to SMS');

    await session.page.keyboard.press('Tab');
    await rows().first().getByTestId('delivery-open').focus();
    await session.page.keyboard.press('Enter');
    const timeline = session.page.getByTestId('delivery-timeline');
    await timeline.getByTestId('timeline-block').waitFor();
    expect(await timeline.getByTestId('timeline-block').innerText()).toBe(
      'Blocked: the customer has not opted in to SMS.',
    );
    expect(await timeline.getByTestId('delivery-outcome').innerText()).toBe(
      'Blocked: the customer has not opted in to SMS',
    );
    expect(await timeline.getByTestId('timeline-attempt').count()).toBe(0);
    await shot('deliveries-blocked.png');
  });

  it("links a flow's recent deliveries to their timelines", async () => {
    await session.page.goto(`${session.herald.url}/#/flows/${flowId}`);
    const link = session.page.getByTestId('delivery-timeline-link').first();
    await link.click();
    await session.page.getByTestId('delivery-timeline').waitFor();
    expect(session.page.url()).toContain(`flowId=${flowId}`);
    expect(
      await session.page.getByTestId('delivery-filter-flow').inputValue(),
    ).toBe(flowId);
    expect(session.problems).toEqual([]);
  });
});
