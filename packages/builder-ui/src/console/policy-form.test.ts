import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import type { ConversationPolicy } from './console-types';
import { fieldErrorsOf, formOf, policyOf } from './policy-form';

const stored: ConversationPolicy = {
  presenceTimeoutSeconds: 120,
  defaultCapacity: 5,
  botEnabled: true,
  botReplyWindowHours: 168,
  pilots: { whatsapp: { tiers: ['VIP'], regions: [], reply: 'Pilot.' } },
};

describe('the conversation policy form', () => {
  it('turns the stored policy into the form and back unchanged', () => {
    expect(policyOf(formOf(stored))).toEqual({ policy: stored });
  });

  it('reads tiers and regions as comma-separated lists', () => {
    const form = formOf(stored);
    form.pilots.sms = {
      enabled: true,
      tiers: ' VIP, , Platinum ',
      regions: 'north',
      reply: 'Soon.',
    };
    const result = policyOf(form);
    expect(result).toMatchObject({
      policy: {
        pilots: { sms: { tiers: ['VIP', 'Platinum'], regions: ['north'] } },
      },
    });
  });

  it.each([
    ['', 'presenceTimeoutSeconds'],
    ['abc', 'defaultCapacity'],
    ['  ', 'botReplyWindowHours'],
  ] as const)('refuses %j in %s as not a number', (text, field) => {
    const form = { ...formOf(stored), [field]: text };
    expect(policyOf(form)).toEqual({ errors: { [field]: 'enter a number' } });
  });

  it('files the server’s issues by field, a list item under its list', () => {
    const error = new ApiError(400, 'HERALD_BAD_REQUEST', 'bad', {
      issues: [
        { path: 'defaultCapacity', message: 'at most 100' },
        { path: 'pilots.sms.tiers.1', message: 'too long' },
        { path: 'pilots.sms.tiers.2', message: 'also too long' },
        { path: '', message: 'the body' },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({
      defaultCapacity: 'at most 100',
      'pilots.sms.tiers': 'too long',
    });
    expect(fieldErrorsOf(new Error('network'))).toEqual({});
  });
});
