import { describe, expect, it } from 'vitest';
import type { TemplateChoice } from './console-types';
import { templateRefusal } from './template-refusal';

function choice(overrides: Partial<TemplateChoice>): TemplateChoice {
  return {
    id: 'shipping',
    name: 'Shipping update',
    category: null,
    allowed: false,
    reason: null,
    preview: null,
    ...overrides,
  };
}

const usable = { channelUsable: true, hasRecord: false };

describe('templateRefusal', () => {
  it.each<[string, Partial<TemplateChoice>, typeof usable, string | null]>([
    ['an allowed template', { allowed: true }, usable, null],
    [
      // Regression: the composer said only "(not allowed now)".
      'a render failure in a conversation about nothing',
      {
        reason: 'HERALD_CONVERSATION_RENDER',
        detail:
          'HERALD_TEMPLATE_MISSING_VALUE: no value for record.trackingNumber',
      },
      usable,
      "it needs a record's fields (no value for record.trackingNumber), and this conversation is about no record",
    ],
    [
      'a render failure with a record',
      {
        reason: 'HERALD_CONVERSATION_RENDER',
        detail: 'HERALD_TEMPLATE_MISSING_VALUE: no value for customer.name',
      },
      { channelUsable: true, hasRecord: true },
      'it cannot be filled in here: no value for customer.name',
    ],
    [
      'a render failure from a server without detail',
      { reason: 'HERALD_CONVERSATION_RENDER' },
      usable,
      "it needs a record's fields, and this conversation is about no record",
    ],
    [
      'a template without an approved form',
      { reason: 'HERALD_CONVERSATION_TEMPLATE_NOT_APPROVED' },
      usable,
      'it has no form approved for this channel, which it needs outside the reply window',
    ],
    [
      'an unusable channel',
      {},
      { channelUsable: false, hasRecord: false },
      'this customer cannot be messaged on this channel',
    ],
  ])('explains %s', (_name, overrides, context, expected) => {
    expect(templateRefusal(choice(overrides), context)).toBe(expected);
  });
});
