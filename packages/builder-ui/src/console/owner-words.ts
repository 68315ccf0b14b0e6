/**
 * Who a Conversation belongs to, in words. A Conversation a person
 * started belongs to them; one started with a token (no person, so no
 * owner) or by a Customer whose reply no Agent has taken yet has none,
 * and the next reply goes to an available Agent.
 */
import type { ConversationSummary } from './console-types';

type Ownership = Pick<ConversationSummary, 'ownerEmail' | 'startedBy'>;

/** The owner line of an open Conversation's header. */
export function ownerWords(conversation: Ownership): string {
  if (conversation.ownerEmail) {
    return `Owned by ${conversation.ownerEmail}`;
  }

  return conversation.startedBy === 'agent'
    ? 'No owner (started with a token, not by a person): the reply goes to an available agent'
    : 'Waiting for an agent';
}

/** The short owner word of a Conversation in the list. */
export function ownerShortWords(conversation: Ownership): string {
  if (conversation.ownerEmail) {
    return conversation.ownerEmail;
  }

  return conversation.startedBy === 'agent' ? 'no owner' : 'waiting';
}
