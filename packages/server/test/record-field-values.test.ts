/**
 * Field values a tester slipped past the type checks: -0 recording a fake
 * update, datetimes that do not exist, numbers in hex, octal and binary,
 * made-up currencies; and object types that lost fields when first
 * defined concurrently. Each test is named after the input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics } from './fixtures.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

let herald: TestHerald;

beforeAll(async () => {
  herald = await startTestHerald({ worker: false });
  await seedBasics(herald);
});

afterAll(async () => {
  await herald?.stop();
});

const put = (recordId: string, fields: Record<string, unknown>) =>
  herald.api(`/api/records/Shipment/${recordId}`, {
    method: 'PUT',
    body: { customerId: 'vip-1', fields },
  });

describe('-0', () => {
  it.each([
    ['the number -0', { weightKg: -0 }, { weightKg: 0 }],
    ['the string "-0"', { weightKg: '-0' }, { weightKg: 0 }],
    ['a money amount -0', { value: -0 }, { value: 0 }],
    [
      'a money object with amount -0',
      { value: { amount: -0, currency: 'USD' } },
      { value: { amount: 0, currency: 'USD' } },
    ],
  ])('records no Change when %s repeats 0', async (name, minus, zero) => {
    const recordId = `ZERO-${name.replace(/\W+/g, '-')}`;
    await put(recordId, zero);
    const again = await put(recordId, minus);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ changeId: null, changedFields: [] });
  });

  it('sends -0 as JSON text and records no Change', async () => {
    await put('ZERO-TEXT', { weightKg: 0 });
    const response = await fetch(
      `${herald.url}/api/records/Shipment/ZERO-TEXT`,
      {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${herald.token}`,
          'content-type': 'application/json',
        },
        body: '{"customerId":"vip-1","fields":{"weightKg":-0}}',
      },
    );
    expect(await response.json()).toMatchObject({ changeId: null });
  });
});

describe('datetimes that do not exist', () => {
  it.each([
    '2025-02-31T10:00:00Z',
    '2025-02-29T10:00:00Z',
    '2025-04-31T10:00:00+02:00',
    '2025-01-01T24:00:00Z',
    '2025-01-01T23:60:00Z',
    '2025-01-01T23:59:60Z',
    '2025-13-01T00:00:00Z',
    '2025-01-01T10:00:00+24:00',
  ])('refuses %s as HERALD_FIELD_TYPE', async (shippedAt) => {
    const answer = await put('DT-1', { shippedAt });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'HERALD_FIELD_TYPE',
      details: { field: 'shippedAt' },
    });
  });

  it('accepts 2024-02-29T23:59:59.5+05:30, a real instant', async () => {
    const answer = await put('DT-2', {
      shippedAt: '2024-02-29T23:59:59.5+05:30',
    });
    expect(answer.status).toBe(200);
    const read = await herald.api('/api/records/Shipment/DT-2');
    expect(read.body.fields.shippedAt).toBe('2024-02-29T18:29:59.500Z');
  });
});

describe('numbers and currencies', () => {
  it.each(['0x1F', '0b101', '0o17', '1_000', 'Infinity', ''])(
    'refuses the number %j',
    async (weightKg) => {
      const answer = await put('NUM-1', { weightKg });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('HERALD_FIELD_TYPE');
    },
  );

  it.each(['12', '-1.5', '.5', '1e3', ' 7 '])(
    'accepts the decimal text %j',
    async (weightKg) => {
      const answer = await put('NUM-2', { weightKg });
      expect(answer.status).toBe(200);
    },
  );

  it('refuses the currency "ZZZ" in a money value', async () => {
    const answer = await put('CUR-1', {
      value: { amount: 5, currency: 'ZZZ' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'HERALD_FIELD_TYPE',
      details: { field: 'value' },
    });
  });

  it('refuses the currency "ZZZ" in a field definition', async () => {
    const answer = await herald.api('/api/object-types/Invoice', {
      method: 'PUT',
      body: { fields: [{ name: 'total', type: 'money', currency: 'ZZZ' }] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.field).toBe('fields.0.currency');
  });
});

describe('object type definitions', () => {
  it('keeps every field of 10 parallel first PUTs of Race7', async () => {
    const names = Array.from({ length: 10 }, (_, index) => `field${index}`);
    const answers = await Promise.all(
      names.map((name) =>
        herald.api('/api/object-types/Race7', {
          method: 'PUT',
          body: { fields: [{ name, type: 'text' }] },
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(
      names.map(() => 200),
    );

    const { body } = await herald.api('/api/object-types');
    const race = body.items.find((item: any) => item.name === 'Race7');
    expect(race.fields.map((field: any) => field.name).sort()).toEqual(names);
  });

  it('refuses a definition naming the field "status" twice', async () => {
    const answer = await herald.api('/api/object-types/Twice', {
      method: 'PUT',
      body: {
        fields: [
          { name: 'status', type: 'text' },
          { name: 'status', type: 'number' },
        ],
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'HERALD_BAD_REQUEST',
      details: { field: 'fields.1.name', name: 'status' },
    });
  });
});
