import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../api/api-types';
import { outboxRecipient } from './outbox-recipient';

function message(overrides: Partial<OutboxMessage>): OutboxMessage {
  return {
    id: 'm1',
    deliveryId: 'd1',
    customerId: 'cust-001',
    channel: 'sms',
    toAddress: '+14155550100',
    body: 'Hi',
    createdAt: '2030-01-01T00:00:00Z',
    isTest: false,
    testRequestedBy: null,
    ...overrides,
  };
}

describe('outboxRecipient', () => {
  it('names the customer of a real delivery', () => {
    expect(outboxRecipient(message({}), 'ana@example.com')).toEqual({
      to: 'cust-001',
      address: '+14155550100',
      sample: null,
    });
  });

  // Regression: a test send listed the sample customer cust-001 as if
  // the message had gone to them.
  it('shows the reader’s own test send as a test to you', () => {
    const test = message({ isTest: true, testRequestedBy: 'ana@example.com' });

    expect(outboxRecipient(test, 'ana@example.com')).toEqual({
      to: 'Test to you',
      address: '+14155550100',
      sample: "with cust-001's data as a sample",
    });
  });

  it('names someone else’s test recipient', () => {
    const test = message({ isTest: true, testRequestedBy: 'bo@example.com' });

    expect(outboxRecipient(test, 'ana@example.com').to).toBe(
      "Test to bo@example.com's test recipient",
    );
  });
});
