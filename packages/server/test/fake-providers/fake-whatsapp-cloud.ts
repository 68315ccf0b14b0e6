/**
 * A fake WhatsApp Cloud API on 127.0.0.1. Every request is validated
 * against Meta's OpenAPI description of the Business Messaging API
 * (v23.0) and the bearer token; a refused one answers 400 and is kept in
 * `invalid`. Like the real service it refuses free-form text outside
 * the 24-hour window a customer's last message opened (error 131047).
 * Status and inbound webhooks go to Herald signed with the app secret.
 */
import { randomBytes } from 'node:crypto';
import {
  AnswerPlan,
  startFakeServer,
  type FakeAnswer,
} from './fake-provider-server.js';
import { postMetaWebhook, type MetaSigning } from './meta-webhook-poster.js';
import { loadRequestCheck } from './openapi-request-check.js';

export const WHATSAPP_PHONE_NUMBER_ID = '106540352242922';
export const WHATSAPP_DISPLAY_NUMBER = '15550783881';
export const WHATSAPP_ACCESS_TOKEN = 'fake-whatsapp-access-token';
export const WHATSAPP_APP_SECRET = 'fake-whatsapp-app-secret';
export const WHATSAPP_VERIFY_TOKEN = 'fake-whatsapp-verify-token';

const WINDOW_MS = 24 * 3_600_000;

/** A message the fake accepted. */
export interface WhatsappMessage {
  id: string;
  /** The recipient as sent (E.164 or digits). */
  to: string;
  /** The recipient's digits, however it was written. */
  waId: string;
  type: 'text' | 'template';
  text: string | null;
  template: { name: string; language: string; parameters: string[] } | null;
  callbackData: string | null;
}

/** A running fake WhatsApp Cloud API. */
export interface FakeWhatsapp {
  url: string;
  plan: AnswerPlan;
  accepted: WhatsappMessage[];
  invalid: { path: string; errors: string[] }[];
  /** Where webhooks go; set once Herald runs. */
  webhookUrl: string;
  /** A customer (digits) writes to the business; opens the window. */
  receive(from: string, text: string, signing?: MetaSigning): Promise<number>;
  /** Reports a status of an accepted message to Herald. */
  sendStatus(
    id: string,
    status: 'sent' | 'delivered' | 'read' | 'failed',
    signing?: MetaSigning,
  ): Promise<number>;
  close(): Promise<void>;
}

/**
 * The Cloud API sends status webhooks with the `biz_opaque_callback_data`
 * given at send time (Meta's status messages webhook reference), but the
 * v23.0 description lists that field for calls only; it is added to the
 * message properties here, as documented.
 */
function addOpaqueCallbackData(definition: any) {
  const base = definition.components.schemas.BaseMessageProperties;
  base.properties.biz_opaque_callback_data = { type: 'string', maxLength: 512 };
}

/** Starts the fake. */
export async function startFakeWhatsapp(): Promise<FakeWhatsapp> {
  const spec = await loadRequestCheck(
    'whatsapp-business-messaging-openapi-v23.0.yaml',
    addOpaqueCallbackData,
  );
  const lastInbound = new Map<string, number>();
  const fake = {
    plan: new AnswerPlan(),
    accepted: [] as WhatsappMessage[],
    invalid: [] as { path: string; errors: string[] }[],
    webhookUrl: '',
  };

  const server = await startFakeServer(async (request) => {
    let body: any;
    try {
      body = JSON.parse(request.body);
    } catch {
      body = undefined;
    }
    const errors = [
      ...authErrors(request.headers.authorization),
      ...pathErrors(request.url.pathname),
      ...spec.check({
        method: request.method,
        path: request.url.pathname,
        query: Object.fromEntries(request.url.searchParams),
        headers: request.headers,
        body,
      }),
    ];
    if (errors.length > 0) {
      fake.invalid.push({ path: request.url.pathname, errors });
      return graphError(400, 100, 'Invalid parameter', errors.join('; '));
    }

    return answerSend(fake, body, lastInbound);
  });

  const post = (value: Record<string, unknown>, signing?: MetaSigning) =>
    postMetaWebhook(
      fake.webhookUrl,
      envelope(value),
      signing ?? { appSecret: WHATSAPP_APP_SECRET },
    );

  return Object.assign(fake, {
    url: server.url,
    close: server.close,
    async receive(from: string, text: string, signing?: MetaSigning) {
      const digits = from.replace(/^\+/, '');
      // The window opens when the customer writes, before Meta tells us.
      lastInbound.set(digits, Date.now());
      return post(
        {
          contacts: [{ profile: { name: 'Customer' }, wa_id: digits }],
          messages: [
            {
              from: digits,
              id: `wamid.${randomBytes(12).toString('hex')}`,
              timestamp: String(Math.floor(Date.now() / 1000)),
              type: 'text',
              text: { body: text },
            },
          ],
        },
        signing,
      );
    },
    async sendStatus(
      id: string,
      status: 'sent' | 'delivered' | 'read' | 'failed',
      signing?: MetaSigning,
    ) {
      const message = fake.accepted.find((item) => item.id === id);
      if (!message) {
        throw new Error(`no accepted message ${id}`);
      }

      return post({ statuses: [statusOf(message, status)] }, signing);
    },
  });
}

function authErrors(header: string | undefined) {
  return header === `Bearer ${WHATSAPP_ACCESS_TOKEN}`
    ? []
    : ['a bearer access token is required'];
}

function pathErrors(pathname: string) {
  const expected = new RegExp(
    `^/v\\d+\\.\\d+/${WHATSAPP_PHONE_NUMBER_ID}/messages$`,
  );
  return expected.test(pathname)
    ? []
    : [`no such edge ${pathname} for this phone number`];
}

function answerSend(
  fake: { plan: AnswerPlan; accepted: WhatsappMessage[] },
  body: any,
  lastInbound: Map<string, number>,
): FakeAnswer {
  const mode = fake.plan.take();
  const digits = String(body.to).replace(/^\+/, '');
  switch (mode) {
    case 'timeout':
      return { status: 0, hang: true };
    case 'server-error':
      return graphError(500, 131000, 'Something went wrong', 'internal error');
    case 'rate-limit':
      return graphError(400, 130429, 'Rate limit hit', 'throughput reached');
    case 'invalid-number':
      return graphError(
        400,
        131026,
        'Message Undeliverable',
        'Unable to deliver message: the number is not on WhatsApp.',
      );
    default:
      break;
  }

  const opened = lastInbound.get(digits);
  if (
    body.type !== 'template' &&
    (!opened || Date.now() - opened > WINDOW_MS)
  ) {
    return graphError(
      400,
      131047,
      'Re-engagement message',
      'More than 24 hours have passed since the recipient last replied.',
    );
  }

  const message = toMessage(body);
  fake.accepted.push(message);
  return {
    status: 200,
    body: {
      messaging_product: 'whatsapp',
      contacts: [{ input: body.to, wa_id: digits }],
      messages: [{ id: message.id }],
    },
  };
}

function toMessage(body: any): WhatsappMessage {
  const template = body.template
    ? {
        name: body.template.name,
        language: body.template.language.code,
        parameters: (body.template.components ?? []).flatMap((part: any) =>
          (part.parameters ?? []).map((parameter: any) => parameter.text),
        ),
      }
    : null;
  return {
    id: `wamid.${randomBytes(16).toString('hex')}`,
    to: body.to,
    waId: String(body.to).replace(/^\+/, ''),
    type: body.type,
    text: body.text?.body ?? null,
    template,
    callbackData: body.biz_opaque_callback_data ?? null,
  };
}

function statusOf(message: WhatsappMessage, status: string) {
  return {
    id: message.id,
    status,
    timestamp: String(Math.floor(Date.now() / 1000)),
    recipient_id: message.to.replace(/^\+/, ''),
    ...(message.callbackData
      ? { biz_opaque_callback_data: message.callbackData }
      : {}),
    ...(status === 'failed'
      ? {
          errors: [
            {
              code: 131026,
              title: 'Message undeliverable',
              message: 'Message undeliverable',
              error_data: { details: 'The recipient could not be reached.' },
            },
          ],
        }
      : {}),
  };
}

/** The `entry[].changes[]` wrapper of every WhatsApp webhook. */
function envelope(value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: WHATSAPP_DISPLAY_NUMBER,
                phone_number_id: WHATSAPP_PHONE_NUMBER_ID,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

function graphError(
  status: number,
  code: number,
  message: string,
  details: string,
): FakeAnswer {
  return {
    status,
    body: {
      error: {
        message: `(#${code}) ${message}`,
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details },
        fbtrace_id: randomBytes(8).toString('hex'),
      },
    },
  };
}
