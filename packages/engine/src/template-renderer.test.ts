import { describe, expect, it } from 'vitest';
import { customerFields } from './catalog.js';
import { demoCatalog } from './demo-flow.fixture.js';
import { checkTemplate, renderTemplate } from './template-renderer.js';

const roots = {
  record: demoCatalog.objectTypes[0].fields,
  customer: customerFields,
};
const now = '2024-06-01T10:00:00Z';

describe('checkTemplate', () => {
  it.each([
    ['known fields', 'Hi {{ customer.firstName }}, {{ record.carrier }}', []],
    [
      'a money part',
      '{{ record.value.amount }} {{ prior.value.currency }}',
      [],
    ],
    [
      'locals from assign and for',
      '{% assign c = record.carrier %}{{ c }}',
      [],
    ],
    [
      'an unknown record field',
      '{{ record.nope }}',
      ['HERALD_TEMPLATE_UNKNOWN_FIELD'],
    ],
    ['an unknown root', '{{ order.total }}', ['HERALD_TEMPLATE_UNKNOWN_FIELD']],
    [
      'a computed lookup',
      '{{ record[customer.firstName] }}',
      ['HERALD_TEMPLATE_UNKNOWN_FIELD'],
    ],
    [
      'an unknown filter',
      '{{ record.carrier | shout }}',
      ['HERALD_TEMPLATE_SYNTAX'],
    ],
    ['an unclosed output', '{{ record.carrier', ['HERALD_TEMPLATE_SYNTAX']],
  ])('%s', (_name, body, codes) => {
    expect(checkTemplate(body, roots).map((p) => p.code)).toEqual(codes);
  });

  it('names the unknown field', () => {
    expect(checkTemplate('{{ record.nope }}', roots)[0].field).toBe(
      'record.nope',
    );
  });
});

describe('renderTemplate', () => {
  const customer = {
    firstName: 'Ada',
    locale: 'de-DE',
    timeZone: 'Europe/Berlin',
  };

  it('blocks on a value missing at send time', async () => {
    const result = await renderTemplate('Track {{ record.trackingNumber }}', {
      record: { trackingNumber: '  ' },
      customer,
      now,
    });

    expect(result).toMatchObject({
      ok: false,
      code: 'HERALD_TEMPLATE_MISSING_VALUE',
      field: 'record.trackingNumber',
    });
  });

  it('refuses to print an object as "[object Object]", naming it', async () => {
    const record = { value: { amount: 12.5, currency: 'EUR' }, tags: ['a'] };
    const printed = await renderTemplate('Total {{ record.value }}', {
      record,
      customer,
      now,
    });

    expect(printed).toMatchObject({
      ok: false,
      code: 'HERALD_TEMPLATE_RENDER',
      field: 'record.value',
      message: expect.stringContaining('record.value holds an object'),
    });
    const parts = await renderTemplate(
      '{{ record.value.amount }} {{ record.value | json }} {{ record.tags }}',
      { record, customer, now },
    );
    expect(parts).toEqual({
      ok: true,
      text: '12.5 {"amount":12.5,"currency":"EUR"} a',
    });
  });

  it('uses the default for a missing value', async () => {
    const result = await renderTemplate(
      'Via {{ record.carrier | default: "our courier" }}',
      { record: {}, customer, now },
    );

    expect(result).toEqual({ ok: true, text: 'Via our courier' });
  });

  it.each([
    [
      'money in the customer locale',
      '{{ record.value | money }}',
      { value: { amount: 1234.5, currency: 'EUR' } },
      {},
      '1.234,50 €',
    ],
    [
      'a number with a currency argument',
      '{{ record.weight | money: "USD" }}',
      { weight: 12 },
      { locale: 'en-US' },
      '$12.00',
    ],
    [
      'a date as its calendar day',
      '{{ record.deliveryDate | format_date: "long" }}',
      { deliveryDate: '2024-03-10' },
      { locale: 'en-US' },
      'March 10, 2024',
    ],
    [
      'a datetime in the customer time zone',
      '{{ record.shippedAt | format_date }}',
      { shippedAt: '2024-03-09T23:30:00Z' },
      { locale: 'en-US' },
      'Mar 10, 2024',
    ],
    [
      'a datetime with time',
      '{{ record.shippedAt | format_datetime }}',
      { shippedAt: '2024-03-09T23:30:00Z' },
      { locale: 'en-GB', timeZone: 'UTC' },
      '9 Mar 2024, 23:30',
    ],
  ])('formats %s', async (_name, body, record, options, text) => {
    const result = await renderTemplate(
      body,
      { record, customer, now },
      options,
    );

    // Intl may use narrow or no-break spaces; compare the visible text.
    if (!result.ok) throw new Error(result.message);
    expect(result.text.replace(/\s/g, ' ')).toBe(text);
  });

  it('stops a render that runs away', async () => {
    const result = await renderTemplate(
      '{% for i in (1..100000000) %}x{% endfor %}',
      { record: {}, customer, now },
    );

    expect(result).toMatchObject({ ok: false, code: 'HERALD_TEMPLATE_RENDER' });
  });
});

describe('file access', () => {
  it.each(['include', 'render', 'layout'])(
    'refuses the %s tag, so a body cannot read the disk',
    async (tag) => {
      const body = `X{% ${tag} "package.json" %}Y`;
      const problems = checkTemplate(body, { record: [], customer: [] });
      expect(problems).toEqual([
        expect.objectContaining({ code: 'HERALD_TEMPLATE_SYNTAX' }),
      ]);
      expect(problems[0].message).toContain(`${tag} tag is not allowed`);

      const rendered = await renderTemplate(body, {
        record: {},
        customer: {},
        now: '2026-01-01T00:00:00Z',
      });
      expect(rendered.ok).toBe(false);
      expect(JSON.stringify(rendered)).not.toContain('@herald');
    },
  );
});
