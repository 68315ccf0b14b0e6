/**
 * PUT on the delivery and conversation policies changes the fields given
 * and keeps every other stored value: an omitted field is never reset to
 * its default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from './fixtures.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

let herald: TestHerald;

beforeAll(async () => {
  herald = await startTestHerald({ worker: false });
});

afterAll(async () => {
  await herald?.stop();
});

describe('a partial policy PUT', () => {
  it('keeps quiet hours off when only the frequency cap changes', async () => {
    await expectOk(
      herald.api('/api/delivery-policy', {
        method: 'PUT',
        body: { quietHours: null, maxRetries: 3 },
      }),
    );
    const saved = await expectOk(
      herald.api('/api/delivery-policy', {
        method: 'PUT',
        body: { frequencyCap: null },
      }),
    );
    expect(saved).toMatchObject({
      quietHours: null,
      maxRetries: 3,
      frequencyCap: null,
    });
    const read = await expectOk(herald.api('/api/delivery-policy'));
    expect(read.quietHours).toBeNull();
  });

  it('keeps the pilots when an empty conversation policy is put', async () => {
    const pilots = {
      whatsapp: { tiers: ['VIP'], regions: [], reply: 'Not yet, sorry.' },
    };
    await expectOk(
      herald.api('/api/conversation-policy', {
        method: 'PUT',
        body: { pilots, defaultCapacity: 7 },
      }),
    );
    const saved = await expectOk(
      herald.api('/api/conversation-policy', { method: 'PUT', body: {} }),
    );
    expect(saved.pilots).toEqual(pilots);
    expect(saved.defaultCapacity).toBe(7);
  });

  it('still refuses an unknown field with its name', async () => {
    const refused = await herald.api('/api/delivery-policy', {
      method: 'PUT',
      body: { quietHour: null },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('quietHour');
  });
});
