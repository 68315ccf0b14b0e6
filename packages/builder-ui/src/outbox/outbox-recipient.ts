/**
 * Who an Outbox message went to, in words. A test send goes to the
 * requester's own test recipient, never to the Customer whose data filled
 * it in, so its row names the requester ("you" for the reader) and keeps
 * the Customer only as the sample the text was rendered with.
 */
import type { OutboxMessage } from '../api/api-types';

/** The Outbox row's recipient lines. */
export interface OutboxRecipient {
  /** Who received it: a Customer id, or a test recipient. */
  to: string;
  /** The address it went to, when known. */
  address: string | null;
  /** For a test: whose data it was rendered with. */
  sample: string | null;
}

/** The recipient of `message`, as `viewerName` (who reads the page) sees it. */
export function outboxRecipient(
  message: OutboxMessage,
  viewerName: string,
): OutboxRecipient {
  if (!message.isTest) {
    return {
      to: message.customerId,
      address: message.toAddress,
      sample: null,
    };
  }

  const requester = message.testRequestedBy;
  const who =
    requester === null
      ? 'a test recipient'
      : requester === viewerName
        ? 'you'
        : `${requester}'s test recipient`;
  return {
    to: `Test to ${who}`,
    address: message.toAddress,
    sample: `with ${message.customerId}'s data as a sample`,
  };
}
