/**
 * "Send a test" from the Template inspector: the library Template (or an
 * admin's unsaved text) rendered strictly, in the chosen locale variant,
 * for the sample Customer and Record the preview shows, and sent through
 * the channel's adapter (the sandbox when the channel is not configured)
 * to the caller's own test recipient — never to the Customer.
 *
 * It is one synchronous try: no consent, quiet hours or caps (the
 * recipient is the caller, who asked for it), no retry and no failover,
 * so the answer says at once whether the provider took it. It is stored
 * as a Delivery marked `isTest`, with its Attempt, and audited in the
 * same transaction before the provider is called.
 */
import { renderTemplate, selectTemplateVariant } from '@herald/engine';
import type { Logger } from 'pino';
import type {
  ChannelResolver,
  OutgoingMessage,
  SendResult,
} from '../channels/channel-adapter.js';
import { ChannelError } from '../channels/channel-error.js';
import type { Db } from '../db/database.js';
import { HeraldError } from '../errors.js';
import { findCustomer } from '../repositories/customer-repository.js';
import { findObjectType } from '../repositories/object-type-repository.js';
import {
  closeAttempt,
  setDeliveryStatus,
} from '../repositories/delivery-repository.js';
import { findTemplates } from '../repositories/template-repository.js';
import { insertTestDelivery } from '../repositories/test-delivery-repository.js';
import { recordAudit } from './audit-service.js';
import { toCustomerFact } from './customer-service.js';
import { actorOf, type Principal } from './principal.js';
import {
  getTestRecipient,
  ownerOf,
  testAddressOf,
} from './test-recipient-service.js';

/** What a test send needs from the process. */
export interface TestSendDeps {
  db: Db;
  channels: ChannelResolver;
  log: Logger;
}

/** What to render and for whom. */
export interface TestSendInput {
  templateId: string;
  /** The sample Customer the preview shows. */
  customerId: string;
  /** The sample Record's object type, for the record; null: none. */
  objectType?: string | null;
  /** The sample Record's fields, as the preview rendered them. */
  record: Record<string, unknown>;
  /**
   * Which variant to send: its locale key; null: the default body;
   * omitted: the Customer's locale picks, as for a real Delivery.
   */
  locale?: string | null;
  /** Unsaved text from the editor, sent instead (admins only). */
  body?: string;
}

/** What was sent, and where. */
export interface TestSendOutcome {
  deliveryId: string;
  channel: string;
  adapter: string;
  to: string;
  body: string;
  status: 'sent';
  providerMessageId: string;
}

/** Renders and sends one test; throws a coded error naming the field. */
export async function sendTemplateTest(
  deps: TestSendDeps,
  principal: Principal,
  input: TestSendInput,
  address?: string,
): Promise<TestSendOutcome> {
  const { db } = deps;
  refuseForeignText(principal, input);

  const recipient = await getTestRecipient(db, ownerOf(principal));
  if (!recipient) {
    throw new HeraldError(
      'HERALD_TEST_RECIPIENT_MISSING',
      'set your test recipient (channel and number or PSID) first',
      { field: 'testRecipient' },
    );
  }

  const to = testAddressOf(recipient);
  const text = await renderTestText(db, input);
  const adapter = await deps.channels.adapterFor(recipient.channel);
  if (!adapter) {
    throw new HeraldError(
      'HERALD_TEST_SEND_FAILED',
      `no adapter for ${recipient.channel}`,
      { field: 'testRecipient.channel' },
    );
  }

  const actor = actorOf(principal, address);
  const stored = await db.transaction().execute(async (trx) => {
    const ids = await insertTestDelivery(trx, {
      templateId: input.templateId,
      customerId: input.customerId,
      objectType: input.objectType ?? null,
      channel: recipient.channel,
      toAddress: to,
      body: text,
      requestedBy: principal.name,
      adapter: adapter.name,
    });
    await recordAudit(trx, actor, {
      action: 'template.test-send',
      subjectType: 'template',
      subjectId: input.templateId,
      summary: `sent a test of template ${input.templateId} on ${recipient.channel}`,
      details: {
        deliveryId: ids.deliveryId,
        channel: recipient.channel,
        adapter: adapter.name,
        sampleCustomerId: input.customerId,
        locale: input.locale ?? null,
        unsavedText: input.body !== undefined,
      },
    });
    return ids;
  });

  const message: OutgoingMessage = {
    deliveryId: stored.deliveryId,
    attemptId: stored.attemptId,
    channel: recipient.channel,
    customerId: input.customerId,
    to,
    body: text,
    form: { kind: 'text' },
  };
  const addressField =
    recipient.channel === 'messenger' ? 'messengerPsid' : 'phone';
  const result = await callAdapter(deps, message, addressField, () =>
    adapter.send(message),
  );
  return {
    deliveryId: stored.deliveryId,
    channel: recipient.channel,
    adapter: adapter.name,
    to,
    body: text,
    status: 'sent',
    providerMessageId: result.providerMessageId,
  };
}

// A business user may test the library's text, not text of their own:
// their test goes out from the business's sender.
function refuseForeignText(principal: Principal, input: TestSendInput) {
  if (input.body !== undefined && principal.role !== 'admin') {
    throw new HeraldError(
      'HERALD_FORBIDDEN',
      'only admins may send unsaved template text',
      { field: 'body', role: principal.role },
    );
  }
}

async function renderTestText(db: Db, input: TestSendInput) {
  const [template] = await findTemplates(db, [input.templateId]);
  if (!template) {
    throw new HeraldError(
      'HERALD_TEMPLATE_NOT_FOUND',
      `no template ${input.templateId}`,
      { field: 'templateId' },
    );
  }

  const customer = await findCustomer(db, input.customerId);
  if (!customer) {
    throw new HeraldError(
      'HERALD_UNKNOWN_CUSTOMER',
      `no customer ${input.customerId}`,
      { field: 'customerId' },
    );
  }

  await requireObjectType(db, input.objectType);

  const chosen = chooseText(template, input, customer.locale);
  const rendered = await renderTemplate(
    chosen.text,
    {
      record: input.record,
      prior: input.record,
      customer: toCustomerFact(customer),
      now: new Date().toISOString(),
    },
    { locale: customer.locale, timeZone: customer.time_zone },
  );
  if (!rendered.ok) {
    throw new HeraldError('HERALD_TEST_SEND_RENDER', rendered.message, {
      field: chosen.field,
      renderCode: rendered.code,
      ...(rendered.field ? { mergeField: rendered.field } : {}),
    });
  }

  return rendered.text;
}

async function requireObjectType(db: Db, name: string | null | undefined) {
  if (!name || (await findObjectType(db, name))) {
    return;
  }

  throw new HeraldError(
    'HERALD_UNKNOWN_OBJECT_TYPE',
    `object type ${name} is not defined`,
    { objectType: name, field: 'objectType' },
  );
}

function chooseText(
  template: { body: string; variants: Record<string, string> },
  input: TestSendInput,
  customerLocale: string,
): { text: string; field: string } {
  if (input.body !== undefined) {
    return { text: input.body, field: 'body' };
  }
  if (input.locale === null) {
    return { text: template.body, field: 'body' };
  }
  if (input.locale === undefined) {
    const chosen = selectTemplateVariant(template, customerLocale);
    return {
      text: chosen.body,
      field: chosen.locale ? `variants.${chosen.locale}` : 'body',
    };
  }

  const variant = template.variants[input.locale];
  if (variant === undefined) {
    throw new HeraldError(
      'HERALD_TEMPLATE_NOT_FOUND',
      `the template has no ${input.locale} variant`,
      { field: 'locale' },
    );
  }

  return { text: variant, field: `variants.${input.locale}` };
}

/** Calls the adapter once and settles the Attempt and the Delivery. */
async function callAdapter(
  deps: TestSendDeps,
  message: OutgoingMessage,
  addressField: string,
  send: () => Promise<SendResult>,
): Promise<SendResult> {
  const log = deps.log.child({ deliveryId: message.deliveryId });
  try {
    const result = await send();
    await deps.db.transaction().execute(async (trx) => {
      await closeAttempt(trx, message.attemptId!, {
        outcome: 'accepted',
        providerMessageId: result.providerMessageId,
        response: result.response,
      });
      await setDeliveryStatus(trx, message.deliveryId!, 'sent', 'test sent', {
        onlyFrom: ['sending'],
        details: { providerMessageId: result.providerMessageId },
      });
    });
    log.info({ channel: message.channel }, 'test delivery sent');
    return result;
  } catch (error) {
    const failure =
      error instanceof ChannelError
        ? error
        : new ChannelError('server', String((error as Error)?.message), {
            cause: error,
          });
    await settleFailure(deps.db, message, failure);
    log.warn(
      { channel: message.channel, errorClass: failure.errorClass },
      'test delivery failed',
    );
    throw toHeraldError(failure, addressField);
  }
}

async function settleFailure(
  db: Db,
  message: OutgoingMessage,
  failure: ChannelError,
) {
  // A timeout may still have reached the provider: its status callback
  // (or the recovery bound) settles the Delivery, never a second send.
  const unknown = failure.errorClass === 'timeout';
  await db.transaction().execute(async (trx) => {
    await closeAttempt(trx, message.attemptId!, {
      outcome: unknown ? 'unknown' : 'failed',
      response: failure.response ?? undefined,
      errorCode: failure.providerCode,
      errorMessage: failure.message,
      errorClass: failure.errorClass,
    });
    await setDeliveryStatus(
      trx,
      message.deliveryId!,
      unknown ? 'unknown' : 'failed',
      `${reasonCode(failure)} on ${message.channel}: ${failure.message}`,
      { onlyFrom: ['sending'] },
    );
  });
}

function reasonCode(failure: ChannelError) {
  if (failure.errorClass === 'invalid_address') {
    return 'HERALD_INVALID_ADDRESS';
  }
  if (failure.errorClass === 'rejected') {
    return 'HERALD_PROVIDER_REJECTED';
  }
  if (failure.errorClass === 'not_configured') {
    return 'HERALD_CHANNEL_NOT_CONFIGURED';
  }

  return 'HERALD_PROVIDER_UNAVAILABLE';
}

function toHeraldError(failure: ChannelError, addressField: string) {
  const details = {
    errorClass: failure.errorClass,
    providerCode: failure.providerCode,
  };
  if (failure.errorClass === 'invalid_address') {
    return new HeraldError('HERALD_TEST_SEND_REJECTED', failure.message, {
      ...details,
      field: addressField,
    });
  }
  if (failure.errorClass === 'rejected') {
    return new HeraldError('HERALD_TEST_SEND_REJECTED', failure.message, {
      ...details,
      field: 'testRecipient.channel',
    });
  }

  return new HeraldError('HERALD_TEST_SEND_FAILED', failure.message, {
    ...details,
    field: 'testRecipient.channel',
  });
}
