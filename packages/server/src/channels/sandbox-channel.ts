/**
 * The local sandbox: instead of calling a provider it stores the outgoing
 * message, with the channel it was meant for, in `sandbox_messages`; the
 * builder's outbox shows them.
 */
import type { Db } from '../db/database.js';
import type {
  ChannelAdapter,
  ChannelRegistry,
  OutgoingMessage,
  SendResult,
} from './channel-adapter.js';

/** A sandbox adapter that writes to the outbox table. */
export function createSandboxChannel(db: Db): ChannelAdapter {
  return {
    name: 'sandbox',
    async send(message: OutgoingMessage): Promise<SendResult> {
      const [result] = await this.sendMany!([message]);
      if (result instanceof Error) {
        throw result;
      }

      return result;
    },
    async sendMany(messages: OutgoingMessage[]): Promise<SendResult[]> {
      const rows = await db
        .insertInto('sandbox_messages')
        .values(messages.map(outboxRow))
        .returning('id')
        .execute();
      // Rows come back in the order of the values they were made from.
      return rows.map((row) => toResult(row.id));
    },
    async reconcile(message: OutgoingMessage) {
      if (!message.attemptId) {
        return null;
      }

      const row = await db
        .selectFrom('sandbox_messages')
        .select('id')
        .where('attempt_id', '=', message.attemptId)
        .executeTakeFirst();
      return row ? toResult(row.id) : null;
    },
  };
}

/** Every channel routed to the sandbox; unconfigured channels land here. */
export function createSandboxRegistry(db: Db): ChannelRegistry {
  const sandbox = createSandboxChannel(db);
  return {
    sms: sandbox,
    whatsapp: sandbox,
    messenger: sandbox,
    webhook: sandbox,
    sandbox,
  };
}

function outboxRow(message: OutgoingMessage) {
  return {
    delivery_id: message.deliveryId,
    attempt_id: message.attemptId,
    customer_id: message.customerId ?? message.to,
    channel: message.channel,
    to_address: message.to,
    body: message.body,
  };
}

function toResult(id: string): SendResult {
  return {
    providerMessageId: `sandbox-${id}`,
    response: { outboxId: id },
  };
}
