/**
 * A fake Messenger Send API on 127.0.0.1. Meta publishes no OpenAPI
 * description of it, so the fixture checks what the Send API reference
 * documents: the Page access token as `access_token`, `recipient.id`,
 * `messaging_type` (RESPONSE, UPDATE or MESSAGE_TAG), a `tag` exactly
 * when MESSAGE_TAG, `message.text` up to 2000 characters and
 * `message.metadata` up to 1000. Like the platform, it refuses standard
 * messages outside 24 hours of the person's last message (error 10,
 * subcode 2018278). Webhooks go to Herald signed with the app secret.
 */
import { randomBytes } from 'node:crypto';
import {
  AnswerPlan,
  startFakeServer,
  type FakeAnswer,
  type RawRequest,
} from './fake-provider-server.js';
import { postMetaWebhook, type MetaSigning } from './meta-webhook-poster.js';

export const MESSENGER_PAGE_ID = '1067280970047460';
export const MESSENGER_PAGE_TOKEN = 'fake-messenger-page-access-token';
export const MESSENGER_APP_SECRET = 'fake-messenger-app-secret';
export const MESSENGER_VERIFY_TOKEN = 'fake-messenger-verify-token';

const WINDOW_MS = 24 * 3_600_000;
const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'];
const MESSAGE_TAGS = [
  'ACCOUNT_UPDATE',
  'CONFIRMED_EVENT_UPDATE',
  'POST_PURCHASE_UPDATE',
  'HUMAN_AGENT',
];
const TOP_LEVEL = [
  'recipient',
  'messaging_type',
  'tag',
  'message',
  'notification_type',
  'persona_id',
];

/** A message the fake accepted. */
export interface MessengerMessage {
  mid: string;
  psid: string;
  messagingType: string;
  tag: string | null;
  text: string;
  metadata: string | null;
}

/** A running fake Messenger platform. */
export interface FakeMessenger {
  url: string;
  plan: AnswerPlan;
  accepted: MessengerMessage[];
  invalid: { path: string; errors: string[] }[];
  /** Where webhooks go; set once Herald runs. */
  webhookUrl: string;
  /** A person writes to the Page; opens the 24-hour window. */
  receive(psid: string, text: string, signing?: MetaSigning): Promise<number>;
  /** A `message_deliveries` event for accepted messages. */
  sendDelivery(mids: string[], signing?: MetaSigning): Promise<number>;
  /** A `message_reads` event: the person read everything up to `watermark`. */
  sendRead(
    psid: string,
    watermark: number,
    signing?: MetaSigning,
  ): Promise<number>;
  close(): Promise<void>;
}

/** Starts the fake. */
export async function startFakeMessenger(): Promise<FakeMessenger> {
  const lastInbound = new Map<string, number>();
  const fake = {
    plan: new AnswerPlan(),
    accepted: [] as MessengerMessage[],
    invalid: [] as { path: string; errors: string[] }[],
    webhookUrl: '',
  };

  const server = await startFakeServer((request) => {
    const { body, errors } = checkSendRequest(request);
    if (errors.length > 0) {
      fake.invalid.push({ path: request.url.pathname, errors });
      return graphError(
        400,
        100,
        null,
        `Invalid parameter: ${errors.join('; ')}`,
      );
    }

    return answerSend(fake, body, lastInbound);
  });

  const post = (messaging: unknown[], signing?: MetaSigning) =>
    postMetaWebhook(
      fake.webhookUrl,
      {
        object: 'page',
        entry: [{ id: MESSENGER_PAGE_ID, time: Date.now(), messaging }],
      },
      signing ?? { appSecret: MESSENGER_APP_SECRET },
    );

  return Object.assign(fake, {
    url: server.url,
    close: server.close,
    async receive(psid: string, text: string, signing?: MetaSigning) {
      // The window opens when the person writes, before Meta tells us.
      lastInbound.set(psid, Date.now());
      return post(
        [
          {
            sender: { id: psid },
            recipient: { id: MESSENGER_PAGE_ID },
            timestamp: Date.now(),
            message: { mid: `m_${randomBytes(12).toString('hex')}`, text },
          },
        ],
        signing,
      );
    },
    async sendDelivery(mids: string[], signing?: MetaSigning) {
      const psid = fake.accepted.find((item) => item.mid === mids[0])?.psid;
      return post(
        [
          {
            sender: { id: psid ?? 'unknown' },
            recipient: { id: MESSENGER_PAGE_ID },
            delivery: { mids, watermark: Date.now() },
          },
        ],
        signing,
      );
    },
    async sendRead(psid: string, watermark: number, signing?: MetaSigning) {
      return post(
        [
          {
            sender: { id: psid },
            recipient: { id: MESSENGER_PAGE_ID },
            timestamp: Date.now(),
            read: { watermark },
          },
        ],
        signing,
      );
    },
  });
}

/** The documented shape of a Send API request; answers what is wrong. */
function checkSendRequest(request: RawRequest) {
  const errors: string[] = [];
  if (request.method !== 'POST') {
    errors.push(`${request.method} is not supported`);
  }
  if (request.url.pathname !== `/v23.0/${MESSENGER_PAGE_ID}/messages`) {
    errors.push(`no such edge ${request.url.pathname}`);
  }
  if (request.url.searchParams.get('access_token') !== MESSENGER_PAGE_TOKEN) {
    errors.push('access_token must be the Page access token');
  }

  let body: any = null;
  try {
    body = JSON.parse(request.body);
  } catch {
    errors.push('the body must be JSON');
    return { body, errors };
  }

  const unknown = Object.keys(body ?? {}).filter(
    (key) => !TOP_LEVEL.includes(key),
  );
  if (unknown.length > 0) {
    errors.push(`unknown parameter(s) ${unknown.join(', ')}`);
  }
  if (typeof body?.recipient?.id !== 'string' || !body.recipient.id) {
    errors.push('recipient.id is required');
  }
  if (!MESSAGING_TYPES.includes(body?.messaging_type)) {
    errors.push('messaging_type must be RESPONSE, UPDATE or MESSAGE_TAG');
  }
  if (
    body?.messaging_type === 'MESSAGE_TAG' &&
    !MESSAGE_TAGS.includes(body?.tag)
  ) {
    errors.push(`tag ${body?.tag} is not a message tag`);
  }
  if (body?.messaging_type !== 'MESSAGE_TAG' && body?.tag !== undefined) {
    errors.push('tag is only allowed with MESSAGE_TAG');
  }

  errors.push(...messageErrors(body?.message));
  return { body, errors };
}

function messageErrors(message: any) {
  const errors: string[] = [];
  if (typeof message?.text !== 'string' || message.text.length === 0) {
    errors.push('message.text is required');
  } else if (message.text.length > 2000) {
    errors.push('message.text is longer than 2000 characters');
  }
  if (
    message?.metadata !== undefined &&
    (typeof message.metadata !== 'string' || message.metadata.length > 1000)
  ) {
    errors.push('message.metadata must be a string of at most 1000 characters');
  }
  const unknown = Object.keys(message ?? {}).filter(
    (key) => !['text', 'metadata', 'quick_replies'].includes(key),
  );
  if (unknown.length > 0) {
    errors.push(`unknown message field(s) ${unknown.join(', ')}`);
  }

  return errors;
}

function answerSend(
  fake: { plan: AnswerPlan; accepted: MessengerMessage[] },
  body: any,
  lastInbound: Map<string, number>,
): FakeAnswer {
  const mode = fake.plan.take();
  switch (mode) {
    case 'timeout':
      return { status: 0, hang: true };
    case 'server-error':
      return graphError(500, 2, null, 'An unexpected error has occurred.');
    case 'rate-limit':
      return graphError(400, 4, null, 'Application request limit reached');
    case 'invalid-number':
      return graphError(400, 100, 2018001, 'No matching user found');
    default:
      break;
  }

  const psid = body.recipient.id as string;
  const opened = lastInbound.get(psid);
  const inWindow = opened !== undefined && Date.now() - opened <= WINDOW_MS;
  if (body.messaging_type !== 'MESSAGE_TAG' && !inWindow) {
    return graphError(
      400,
      10,
      2018278,
      'This message is sent outside of allowed window.',
    );
  }

  const message: MessengerMessage = {
    mid: `m_${randomBytes(16).toString('hex')}`,
    psid,
    messagingType: body.messaging_type,
    tag: body.tag ?? null,
    text: body.message.text,
    metadata: body.message.metadata ?? null,
  };
  fake.accepted.push(message);
  return { status: 200, body: { recipient_id: psid, message_id: message.mid } };
}

function graphError(
  status: number,
  code: number,
  subcode: number | null,
  message: string,
): FakeAnswer {
  return {
    status,
    body: {
      error: {
        message,
        type: 'OAuthException',
        code,
        ...(subcode === null ? {} : { error_subcode: subcode }),
        fbtrace_id: randomBytes(8).toString('hex'),
      },
    },
  };
}
