/**
 * The audit log records who created, edited, published and deactivated
 * which flow version (with a diff summary), template edits, consent set by
 * people, user and token changes and sign-ins; never secrets. Admins read
 * it filtered; nobody can change it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, signInAs, TEST_PASSWORD } from './access-client.js';
import {
  expectOk,
  publishShippingFlow,
  seedBasics,
  shippingGraph,
  shippingTemplate,
} from './fixtures.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

describe('audit log', () => {
  let herald: TestHerald;
  let flowId: string;
  let token: string;

  beforeAll(async () => {
    herald = await startTestHerald({ worker: false });
    await seedBasics(herald);
    flowId = await publishShippingFlow(herald);
    const graph = shippingGraph();
    graph.steps.find((step) => step.id === 'shipped')!.label = 'Shipped';
    await expectOk(
      herald.api(`/api/flows/${flowId}`, { method: 'PUT', body: { graph } }),
    );
    await expectOk(
      herald.api(`/api/flows/${flowId}/publish`, { method: 'POST', body: {} }),
    );
    await expectOk(
      herald.api(`/api/flows/${flowId}/deactivate`, {
        method: 'POST',
        body: {},
      }),
    );
    await expectOk(
      herald.api('/api/templates/shipping-update', {
        method: 'PUT',
        body: {
          ...shippingTemplate,
          body: 'Shipped, {{ customer.firstName }}',
        },
      }),
    );
    await createTestUser(herald, 'ada@example.com', 'admin');
    const ada = await signInAs(herald, 'ada@example.com');
    await expectOk(
      ada.call('/api/customers/vip-1', {
        method: 'PUT',
        body: {
          consent: [
            { channel: 'sms', status: 'opt_out', evidence: 'phoned in' },
          ],
        },
      }),
    );
    token = (
      await expectOk(
        herald.api('/api/tokens', { body: { name: 'etl', scope: 'ingest' } }),
      )
    ).token;
  });

  afterAll(async () => {
    await herald?.stop();
  });

  it('records flow versions with a readable diff', async () => {
    const { body } = await herald.api(
      `/api/audit?subjectType=flow&subjectId=${flowId}`,
    );
    const actions = body.items.map((item: any) => item.action).reverse();
    expect(actions).toEqual([
      'flow.create',
      'flow.publish',
      'flow.edit',
      'flow.publish',
      'flow.deactivate',
    ]);
    const publish = body.items.find(
      (item: any) => item.action === 'flow.publish',
    );
    expect(publish.summary).toBe(
      'published version 2 of "Shipping update": changed condition "Shipped" (label)',
    );
    expect(publish.actor).toMatchObject({ kind: 'token', id: 'bootstrap' });
  });

  it('records template edits, consent by people, users, tokens and sign-ins', async () => {
    const { body } = await herald.api('/api/audit?limit=500');
    const actions = new Set(body.items.map((item: any) => item.action));
    for (const action of [
      'template.create',
      'template.edit',
      'consent.change',
      'user.create',
      'token.create',
      'session.sign-in',
    ]) {
      expect(actions).toContain(action);
    }
    const consent = body.items.filter(
      (i: any) => i.action === 'consent.change',
    );
    expect(consent).toHaveLength(1);
    expect(consent[0].summary).toBe(
      'set consent for customer vip-1: sms opt_out',
    );
    expect(consent[0].actor.name).toBe('ada@example.com');
  });

  it('filters by an action prefix', async () => {
    const { body } = await herald.api('/api/audit?action=flow.');
    expect(body.items.length).toBe(5);
  });

  it('holds no secrets', async () => {
    const { body } = await herald.api('/api/audit?limit=500');
    const text = JSON.stringify(body);
    expect(text).not.toContain(token);
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain('phoned in');
  });

  it('refuses updates and deletes in the database itself', async () => {
    await expect(
      sql`update audit_log set summary = 'rewritten'`.execute(herald.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(herald.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('is for admins only', async () => {
    await createTestUser(herald, 'bo@example.com', 'business');
    const bo = await signInAs(herald, 'bo@example.com');
    expect((await bo.call('/api/audit')).status).toBe(403);
  });

  it('lists every changed part of a template edit, not "nothing"', async () => {
    await expectOk(
      herald.api('/api/templates/shipping-update', {
        method: 'PUT',
        body: {
          name: shippingTemplate.name,
          category: 'Orders',
          body: 'Shipped, {{ customer.firstName }}',
          variants: { de: 'Versandt, {{ customer.firstName }}' },
        },
      }),
    );
    await expectOk(
      herald.api('/api/templates/shipping-update/channel-forms', {
        method: 'PUT',
        body: { messengerTag: 'POST_PURCHASE_UPDATE' },
      }),
    );

    const { body } = await herald.api(
      '/api/audit?subjectType=template&subjectId=shipping-update',
    );
    const summaries = body.items.map((item: any) => item.summary);
    expect(summaries).toContain(
      'edited template shipping-update: variant de added, category',
    );
    expect(summaries).toContain(
      'edited the channel forms of template shipping-update: Messenger tag',
    );
  });

  it('names the template changes a publish picks up', async () => {
    await expectOk(
      herald.api(`/api/flows/${flowId}/publish`, { method: 'POST', body: {} }),
    );

    const { body } = await herald.api(
      `/api/audit?subjectType=flow&subjectId=${flowId}&action=flow.publish`,
    );
    expect(body.items[0].summary).toBe(
      'published version 3 of "Shipping update": no step changes; ' +
        'template "Shipping update" (body, variant de added)',
    );
  });

  it('describes setting your own test recipient without its number', async () => {
    await expectOk(
      herald.api('/api/me/test-recipient', {
        method: 'PUT',
        body: { channel: 'sms', phone: '+14155550123' },
      }),
    );

    const { body } = await herald.api('/api/audit?action=test-recipient.edit');
    expect(body.items[0]).toMatchObject({
      summary: 'set their own test recipient on sms',
      subjectType: 'token',
      subjectId: 'bootstrap',
    });
    expect(JSON.stringify(body.items[0])).not.toContain('5550123');
  });
});
