/**
 * Why the composer cannot send a Template now, in words an Agent can act
 * on, from the reason code the conversation options carry.
 */
import type { TemplateChoice } from './console-types';

/** What the refusal depends on besides the Template itself. */
export interface RefusalContext {
  /** Whether the customer can be messaged on this channel at all. */
  channelUsable: boolean;
  /** Whether the Conversation is about a Record. */
  hasRecord: boolean;
}

const NOT_APPROVED = 'HERALD_CONVERSATION_TEMPLATE_NOT_APPROVED';
const RENDER = 'HERALD_CONVERSATION_RENDER';

/** Why `choice` cannot be sent now; null when it can. */
export function templateRefusal(
  choice: TemplateChoice,
  context: RefusalContext,
): string | null {
  if (choice.allowed) {
    return null;
  }

  if (choice.reason === NOT_APPROVED) {
    return 'it has no form approved for this channel, which it needs outside the reply window';
  }

  if (choice.reason === RENDER) {
    return renderRefusal(choice.detail ?? null, context.hasRecord);
  }

  if (!context.channelUsable) {
    return 'this customer cannot be messaged on this channel';
  }

  return 'the server refused it';
}

function renderRefusal(detail: string | null, hasRecord: boolean): string {
  const lacking = detail?.replace(/^HERALD_[A-Z_]+:\s*/, '') ?? null;
  const usesRecord = lacking?.includes('record.') ?? false;
  if (!hasRecord && (usesRecord || lacking === null)) {
    const what = lacking ? ` (${lacking})` : '';
    return `it needs a record's fields${what}, and this conversation is about no record`;
  }

  return lacking
    ? `it cannot be filled in here: ${lacking}`
    : 'it cannot be filled in for this customer';
}
