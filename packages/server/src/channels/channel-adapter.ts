/**
 * The seam between a Delivery and a provider. An adapter sends one
 * rendered message on one channel and, where the provider allows it,
 * tells afterwards whether an interrupted send reached the provider.
 */

/** How the message is shaped for the provider. */
export type MessageForm =
  | { kind: 'text' }
  | {
      kind: 'whatsapp-template';
      name: string;
      language: string;
      /** Body parameters, already rendered. */
      parameters: string[];
    }
  | { kind: 'messenger-tag'; tag: string };

/** A rendered message ready for one channel. */
export interface OutgoingMessage {
  /** The Delivery; null for a keyword reply. */
  deliveryId: string | null;
  /** The Attempt; null for a keyword reply. */
  attemptId: string | null;
  /** The channel the message is meant for (sms, whatsapp, …). */
  channel: string;
  customerId: string | null;
  /** The customer's address on that channel (number, id, PSID). */
  to: string;
  body: string;
  form: MessageForm;
}

/** What the provider answered for an accepted message. */
export interface SendResult {
  providerMessageId: string;
  response: Record<string, unknown>;
}

export interface ChannelAdapter {
  /** Name of the route, shown on Attempts (sandbox, twilio, …). */
  readonly name: string;
  /**
   * Hours a customer's last inbound message keeps free-form messages
   * allowed; absent means the channel has no such window.
   */
  readonly sessionWindowHours?: number;
  /** Hands the message to the provider; throws a ChannelError if refused. */
  send(message: OutgoingMessage): Promise<SendResult>;
  /**
   * Hands many messages over at once, where the route can (the sandbox
   * stores them in one statement); answers each message's result or
   * error in order. Absent: `send` is called for each.
   */
  sendMany?(messages: OutgoingMessage[]): Promise<(SendResult | Error)[]>;
  /**
   * Asks the provider whether a message whose outcome was lost (timeout,
   * dead worker) was accepted after `since`. Null: no trace of it, or the
   * provider offers no way to ask.
   */
  reconcile(message: OutgoingMessage, since: Date): Promise<SendResult | null>;
}

/** The adapter for each channel name. */
export type ChannelRegistry = Record<string, ChannelAdapter>;

/** Finds the adapter a channel uses now (configuration may change). */
export interface ChannelResolver {
  adapterFor(channel: string): Promise<ChannelAdapter | undefined>;
}

/** A resolver over a fixed registry, as tests and the sandbox use. */
export function fixedChannels(registry: ChannelRegistry): ChannelResolver {
  return { adapterFor: async (channel) => registry[channel] };
}
