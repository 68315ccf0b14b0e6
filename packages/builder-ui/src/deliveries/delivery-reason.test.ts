import { describe, expect, it } from 'vitest';
import {
  describeOutcome,
  describeReason,
  reasonSentence,
} from './delivery-reason';

describe('describeReason', () => {
  it.each([
    ['sms: HERALD_NO_CONSENT', 'the customer has not opted in to SMS'],
    [
      'sms: HERALD_CONSENT_OPTED_OUT; whatsapp: HERALD_NO_ADDRESS',
      'the customer opted out of SMS; the customer has no WhatsApp number or id',
    ],
    [
      'HERALD_PROVIDER_REJECTED on sms: 400 invalid number',
      'the SMS provider refused the message',
    ],
    [
      'HERALD_TEMPLATE_MISSING_VALUE: record.trackingNumber is blank',
      'a merge field has no value and no default',
    ],
    ['retry 1 at 2026-01-01T00:00:00.000Z after 503', null],
    [null, null],
  ])('reads %j as %j', (reason, words) => {
    expect(describeReason(reason)).toBe(words);
  });
});

describe('reasonSentence', () => {
  it('is empty when the reason only repeats the state', () => {
    expect(reasonSentence('sent', 'sent')).toBe('');
  });

  it('keeps a reason without a known code as recorded', () => {
    expect(reasonSentence('Run 28', 'pending')).toBe('Run 28');
  });
});

describe('describeOutcome', () => {
  it('heads a block with its plain reason', () => {
    expect(describeOutcome('blocked', 'sms: HERALD_CONSENT_OPTED_OUT')).toBe(
      'Blocked: the customer opted out of SMS',
    );
  });
});
