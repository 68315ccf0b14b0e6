import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldLabelInSentence } from './field-lookup';

describe('fieldLabel', () => {
  it.each([
    // Regression: the condition field list said "Previous trackingnumber".
    ['trackingNumber', 'Tracking number'],
    ['preferredChannel', 'Preferred channel'],
    ['status', 'Status'],
    ['OrderId', 'Order id'],
    ['messengerPSID', 'Messenger PSID'],
    ['whatsapp_id', 'Whatsapp id'],
    ['line2', 'Line2'],
  ])('reads %s as %s', (name, label) => {
    expect(fieldLabel({ name, type: 'text' }, name)).toBe(label);
  });

  it('prefers the catalog label', () => {
    expect(
      fieldLabel({ name: 'eta', type: 'date', label: 'ETA date' }, 'eta'),
    ).toBe('ETA date');
  });

  it('falls back to the path for an unknown field', () => {
    expect(fieldLabel(undefined, 'shippedAt')).toBe('Shipped at');
  });
});

describe('fieldLabelInSentence', () => {
  it('lowers the first word unless it is an acronym', () => {
    expect(fieldLabelInSentence(undefined, 'trackingNumber')).toBe(
      'tracking number',
    );
    expect(
      fieldLabelInSentence({ name: 'psid', type: 'text', label: 'PSID' }, ''),
    ).toBe('PSID');
  });
});
