/**
 * A library Template's category: the builder's catalog lists it, and a
 * `PUT /api/templates/:id` that omits it keeps it (the flow inspector
 * saves name and text only), while `null` clears it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, shippingTemplate } from './fixtures.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

let herald: TestHerald;

beforeAll(async () => {
  herald = await startTestHerald({ worker: false });
  await expectOk(
    herald.api('/api/templates/shipping-update', {
      method: 'PUT',
      body: { ...shippingTemplate, category: 'Orders' },
    }),
  );
});

afterAll(async () => {
  await herald?.stop();
});

async function storedCategory() {
  const { items } = await expectOk(herald.api('/api/templates'));
  return items.find((item: any) => item.id === 'shipping-update').category;
}

describe('template category', () => {
  it('is listed in the catalog the builder edits from', async () => {
    const catalog = await expectOk(herald.api('/api/catalog'));
    const template = catalog.templates.find(
      (item: any) => item.id === 'shipping-update',
    );
    expect(template.category).toBe('Orders');
  });

  it('survives a save that omits it, as the flow inspector sends', async () => {
    await expectOk(
      herald.api('/api/templates/shipping-update', {
        method: 'PUT',
        body: {
          name: 'Shipping update',
          body: 'Shipped, {{ record.carrier }}',
        },
      }),
    );

    expect(await storedCategory()).toBe('Orders');
  });

  it('is cleared by null', async () => {
    await expectOk(
      herald.api('/api/templates/shipping-update', {
        method: 'PUT',
        body: { ...shippingTemplate, category: null },
      }),
    );

    expect(await storedCategory()).toBeNull();
  });
});
