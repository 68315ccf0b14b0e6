/**
 * A business user in a real browser: signs in on the login page, sees the
 * published shipping Flow with everything but its Rollout read-only,
 * changes the Rollout's audience and publishes it as a new version, then
 * adds a Rollout into another Flow's path and removes it again.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  startTestHerald,
  type TestHerald,
} from '../../packages/server/test/test-herald.js';
import { ensureBuilderBuilt } from '../support/builder-dist.js';
import { describeInChromium } from '../support/browser-suite.js';
import { launchChromium } from '../support/chromium.js';

const PASSWORD = 'a business password';

describeInChromium('business user in Chromium', () => {
  let herald: TestHerald;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ensureBuilderBuilt();
    herald = await startTestHerald({ demo: true, worker: false });
    const created = await herald.api('/api/users', {
      body: { email: 'bea@example.com', role: 'business', password: PASSWORD },
    });
    expect(created.status).toBe(201);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await herald?.stop();
  });

  it('signs in with email and password and shows who is signed in', async () => {
    await page.goto(`${herald.url}/`);
    await page.getByTestId('login-email').fill('bea@example.com');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect
      .poll(() => page.getByTestId('signed-in-as').innerText())
      .toContain('bea@example.com (business)');
    expect(await page.getByTestId('nav-access').count()).toBe(0);
  });

  it('edits the rollout of the published flow and publishes it', async () => {
    await page
      .getByTestId('flow-row')
      .filter({ hasText: 'Shipping update for VIP customers' })
      .getByRole('link')
      .click();
    await page.getByTestId('step-condition').click();
    await page.getByTestId('inspector-read-only').waitFor();
    expect(await page.getByTestId('save-draft').count()).toBe(0);

    await page.getByTestId('step-rollout').click();
    await page.getByTestId('rollout-percentage').fill('40');
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect
      .poll(() => page.getByTestId('publish-result').innerText())
      .toContain('Published version 2');

    const flows = await herald.api('/api/flows');
    const flow = flows.body.items.find((item: any) =>
      item.name.startsWith('Shipping update'),
    );
    const version = await herald.api(`/api/flows/${flow.id}/versions/2`);
    const rollout = version.body.graph.steps.find(
      (step: any) => step.type === 'rollout',
    );
    expect(rollout.data.percentage).toBe(40);
    expect(version.body.publishedBy).toBe('bea@example.com');
  });

  it('adds a rollout between the condition and the template', async () => {
    await page.goto(`${herald.url}/`);
    await page
      .getByTestId('flow-row')
      .filter({ hasText: 'Case in progress' })
      .getByRole('link')
      .click();
    await page.getByTestId('rollout-only-banner').waitFor();
    expect(await page.getByTestId('step-rollout').count()).toBe(0);

    await page.getByTestId('step-condition').click();
    await page
      .locator('[data-testid="add-rollout"][data-target="message"]')
      .click();
    await page.getByTestId('rollout-regions').fill('EU');
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect
      .poll(() => page.getByTestId('publish-result').innerText())
      .toContain('Published version 2');

    const graph = await caseInProgressGraph(2);
    const rollout = graph.steps.find((step: any) => step.type === 'rollout');
    expect(rollout.data.regions).toEqual(['EU']);
    expect(pathOf(graph)).toEqual([
      'trigger',
      'status-check',
      rollout.id,
      'message',
      'send',
    ]);
  });

  it('removes the rollout again and publishes that', async () => {
    await page.getByTestId('step-rollout').click();
    await page.getByTestId('remove-rollout').click();
    expect(await page.getByTestId('step-rollout').count()).toBe(0);
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect
      .poll(() => page.getByTestId('publish-result').innerText())
      .toContain('Published version 3');

    const graph = await caseInProgressGraph(3);
    expect(graph.steps.some((step: any) => step.type === 'rollout')).toBe(
      false,
    );
    expect(pathOf(graph)).toEqual([
      'trigger',
      'status-check',
      'message',
      'send',
    ]);
  });

  it('signs out', async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-email').waitFor();
    const session = await page.evaluate(async () => {
      const response = await fetch('/api/session');
      return response.status;
    });
    expect(session).toBe(401);
  });

  it('raised no page errors', () => {
    expect(problems).toEqual([]);
  });

  /** A published version of the demo "Case in progress" Flow, as admin. */
  async function caseInProgressGraph(version: number) {
    const flows = await herald.api('/api/flows');
    const flow = flows.body.items.find(
      (item: any) => item.name === 'Case in progress',
    );
    const response = await herald.api(
      `/api/flows/${flow.id}/versions/${version}`,
    );
    expect(response.status).toBe(200);
    return response.body.graph;
  }
});

/** The Step ids from the Trigger along the first edge out of each Step. */
function pathOf(graph: {
  edges: { source: string; target: string }[];
}): string[] {
  const path = ['trigger'];
  for (;;) {
    const last = path[path.length - 1];
    const next = graph.edges.find((edge) => edge.source === last)?.target;
    if (!next || path.includes(next)) {
      return path;
    }

    path.push(next);
  }
}
