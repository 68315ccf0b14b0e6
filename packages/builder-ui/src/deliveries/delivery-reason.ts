/**
 * A Delivery's reasons in plain words. The server starts a reason with a
 * stable code (docs/errors.md): a blocked Delivery lists each channel it
 * passed over as `sms: HERALD_NO_CONSENT; whatsapp: …`, other reasons
 * read `HERALD_TEMPLATE_MISSING_VALUE: …` or `HERALD_PROVIDER_REJECTED on
 * sms: …`. Codes are matched, never the free text after them.
 */
import { channelLabel } from '../steps/channel-names';

type Phrase = (channel: string) => string;

const channelPhrases: Record<string, Phrase> = {
  HERALD_NO_CONSENT: (c) => `the customer has not opted in to ${c}`,
  HERALD_CONSENT_OPTED_OUT: (c) => `the customer opted out of ${c}`,
  HERALD_NO_ADDRESS: (c) => `the customer has no ${c} number or id`,
  HERALD_INVALID_ADDRESS: (c) =>
    `the customer's ${c} number is not valid for their country`,
  HERALD_FREQUENCY_CAP: (c) =>
    `the customer reached the ${c} limit for 24 hours`,
  HERALD_CHANNEL_NOT_CONFIGURED: (c) => `${c} is not set up`,
  HERALD_WINDOW_CLOSED: (c) =>
    `the 24-hour ${c} window is closed and the template has no approved form`,
  HERALD_PROVIDER_REJECTED: (c) => `the ${c} provider refused the message`,
  HERALD_PROVIDER_UNAVAILABLE: (c) => `the ${c} provider kept failing`,
  HERALD_PROVIDER_FAILED: (c) => `the ${c} provider reported it failed`,
};

const plainPhrases: Record<string, string> = {
  HERALD_TEMPLATE_MISSING_VALUE: 'a merge field has no value and no default',
  HERALD_TEMPLATE_RENDER: 'the template could not be rendered',
  HERALD_TEMPLATE_UNKNOWN: 'the flow version has no such template',
  HERALD_UNKNOWN_OUTCOME: 'the provider never confirmed an interrupted send',
  HERALD_FLOW_DEACTIVATED: 'the flow was deactivated before the send',
  HERALD_RECORD_DELETED: 'the record was deleted before the send',
  HERALD_PATH_NO_LONGER_HOLDS: "the flow's conditions no longer held",
  HERALD_WAIT_DATE_MISSING: 'the date the wait reads is blank',
  HERALD_WAIT_DATE_INVALID: 'the date the wait reads is not a date',
};

/** Why one channel was passed over, in plain words. */
export function describeRefusal(channel: string, code: string): string {
  const phrase = channelPhrases[code];
  return phrase ? phrase(channelLabel(channel)) : `${channel}: ${code}`;
}

/**
 * The plain-words reading of a reason, or null when it starts with no
 * code Herald knows (the raw reason is shown beside it anyway).
 */
export function describeReason(reason: string | null): string | null {
  if (!reason) {
    return null;
  }

  const refusals = [...reason.matchAll(/(\w+): (HERALD_[A-Z_]+)/g)];
  if (refusals.length > 0 && reason.startsWith(refusals[0][0])) {
    return refusals.map(([, ch, code]) => describeRefusal(ch, code)).join('; ');
  }

  const failed = /^(HERALD_[A-Z_]+) on (\w+)/.exec(reason);
  if (failed) {
    return describeRefusal(failed[2], failed[1]);
  }

  const code = /^HERALD_[A-Z_]+/.exec(reason)?.[0];
  return code ? (plainPhrases[code] ?? null) : null;
}

/** Whether a reason says more than its state (not just "sent"). */
export function addsToStatus(reason: string | null, status: string) {
  return Boolean(reason && reason.trim().toLowerCase() !== status);
}

/**
 * A reason as a sentence: its plain words, else the reason as stored;
 * empty when it only repeats the state.
 */
export function reasonSentence(reason: string | null, status: string) {
  if (!addsToStatus(reason, status)) {
    return '';
  }

  return capitalize(describeReason(reason) ?? reason ?? '');
}

/** A headline for a Delivery's state and reason, e.g. "Blocked: …". */
export function describeOutcome(status: string, reason: string | null) {
  const words = describeReason(reason);
  return words ? `${capitalize(status)}: ${words}` : capitalize(status);
}

function capitalize(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
