/**
 * The demo's conversation library loads: agent Templates (those with an
 * approved WhatsApp form are offered outside the 24-hour window), the
 * bot's help Templates named after demo products, quick phrases and the
 * Messenger pilot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoConversations } from '../src/demo/demo-conversations.js';
import { helpTemplateId } from '../src/services/bot-menu.js';
import { expectOk } from './fixtures.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

let herald: TestHerald;

beforeAll(async () => {
  herald = await startTestHerald({ worker: false });
  await loadDemoConversations(herald.db);
  await loadDemoConversations(herald.db);
});

afterAll(async () => {
  await herald?.stop();
});

describe('demo conversation library', () => {
  it('has the five agent templates and the bot help templates', async () => {
    const templates = await expectOk(herald.api('/api/templates'));
    const ids = templates.items.map((t: any) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'agent-case-follow-up',
        'agent-order-follow-up',
        'agent-shipping-error',
        'agent-appointment-reschedule',
        'agent-rep-check-in',
        helpTemplateId('Helios 8 kW inverter'),
        helpTemplateId('Panel cleaning plan'),
      ]),
    );
  });

  it('has quick phrases with emoji and a Messenger pilot', async () => {
    const phrases = await expectOk(herald.api('/api/quick-phrases'));
    expect(phrases.items.length).toBeGreaterThanOrEqual(4);
    expect(
      phrases.items.some((p: any) => /\p{Extended_Pictographic}/u.test(p.body)),
    ).toBe(true);
    const policy = await expectOk(herald.api('/api/conversation-policy'));
    expect(policy.pilots.messenger.tiers).toEqual(['VIP', 'Platinum']);
  });
});
