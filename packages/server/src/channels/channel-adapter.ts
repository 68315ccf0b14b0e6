/**
 * The seam between a Delivery and a provider. An adapter sends one
 * rendered message on one channel and, where it can, tells afterwards
 * whether an interrupted send reached the provider.
 */

/** A rendered message ready for one channel. */
export interface OutgoingMessage {
  deliveryId: string;
  attemptId: string;
  /** The channel the message is meant for (sms, whatsapp, …). */
  channel: string;
  customerId: string;
  /** The customer's address on that channel (number, id, PSID). */
  to: string;
  body: string;
}

/** What the provider answered for an accepted message. */
export interface SendResult {
  providerMessageId: string;
  response: Record<string, unknown>;
}

export interface ChannelAdapter {
  /** Name of the route, shown on Attempts. */
  readonly name: string;
  /** Hands the message to the provider; throws when it is refused. */
  send(message: OutgoingMessage): Promise<SendResult>;
  /**
   * Asks the provider whether an Attempt whose outcome was lost (the
   * worker died mid-send) was accepted. Null: the provider has no trace.
   */
  reconcile(message: OutgoingMessage): Promise<SendResult | null>;
}

/** The adapter for each channel name. */
export type ChannelRegistry = Record<string, ChannelAdapter>;
