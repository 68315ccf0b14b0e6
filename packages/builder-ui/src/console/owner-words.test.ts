import { describe, expect, it } from 'vitest';
import { ownerShortWords, ownerWords } from './owner-words';

describe('ownerWords', () => {
  it('names the person who owns the conversation', () => {
    const owned = {
      ownerEmail: 'ana@example.com',
      startedBy: 'agent' as const,
    };

    expect(ownerWords(owned)).toBe('Owned by ana@example.com');
    expect(ownerShortWords(owned)).toBe('ana@example.com');
  });

  // Regression: a conversation started with the admin token said
  // "waiting for an agent", as if a customer had written in.
  it('does not call a token-started conversation waiting', () => {
    const started = { ownerEmail: null, startedBy: 'agent' as const };

    expect(ownerWords(started)).toBe(
      'No owner (started with a token, not by a person): the reply goes to an available agent',
    );
    expect(ownerShortWords(started)).toBe('no owner');
  });

  it('says a customer’s unclaimed conversation waits for an agent', () => {
    const waiting = { ownerEmail: null, startedBy: 'customer' as const };

    expect(ownerWords(waiting)).toBe('Waiting for an agent');
    expect(ownerShortWords(waiting)).toBe('waiting');
  });
});
