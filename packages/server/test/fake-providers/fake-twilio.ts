/**
 * A fake Twilio Messages API on 127.0.0.1. Every request is checked
 * against Twilio's OpenAPI description and its basic auth; a refused one
 * answers 400 with the validation errors and is counted. Sends answer
 * like Twilio (201 with the Message resource, or Twilio's error JSON),
 * as the test's AnswerPlan says. Status callbacks are signed with the
 * twilio SDK, the provider's own reference.
 */
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import {
  AnswerPlan,
  delay,
  startFakeServer,
  type FakeAnswer,
  type RawRequest,
} from './fake-provider-server.js';
import { loadRequestCheck } from './openapi-request-check.js';

export const TWILIO_ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
export const TWILIO_AUTH_TOKEN = 'fake-twilio-auth-token';

/** A message the fake accepted. */
export interface TwilioMessage {
  sid: string;
  to: string;
  from: string | null;
  body: string;
  statusCallback: string | null;
  /** The Delivery and Attempt the status callback URL names. */
  deliveryId: string | null;
  attemptId: string | null;
  dateCreated: Date;
}

/** A running fake Twilio. */
export interface FakeTwilio {
  url: string;
  plan: AnswerPlan;
  /** Milliseconds every send waits before answering. */
  latencyMs: number;
  accepted: TwilioMessage[];
  /** Requests refused for not matching the OpenAPI description. */
  invalid: { path: string; errors: string[] }[];
  sendRequests: number;
  /**
   * When set, every accepted message gets this status callback after
   * `delayMs`, as Twilio would send it; `callbacksPending` counts those
   * not yet answered.
   */
  autoStatus: { status: string; delayMs: number } | null;
  callbacksPending: number;
  /** Posts a signed status callback for an accepted message. */
  sendStatus(
    sid: string,
    status: string,
    extra?: Record<string, string>,
  ): Promise<number>;
  close(): Promise<void>;
}

/** Starts the fake. */
export async function startFakeTwilio(): Promise<FakeTwilio> {
  const spec = await loadRequestCheck('twilio-messages-openapi.json');
  const fake = {
    plan: new AnswerPlan(),
    latencyMs: 0,
    accepted: [] as TwilioMessage[],
    invalid: [] as { path: string; errors: string[] }[],
    sendRequests: 0,
    autoStatus: null as { status: string; delayMs: number } | null,
    callbacksPending: 0,
  };

  const server = await startFakeServer(async (request) => {
    const form = Object.fromEntries(new URLSearchParams(request.body));
    const query = Object.fromEntries(request.url.searchParams);
    const errors = [
      ...authErrors(request),
      ...spec.check({
        method: request.method,
        path: request.url.pathname,
        query,
        headers: request.headers,
        body: request.method === 'POST' ? form : undefined,
      }),
    ];
    if (errors.length > 0) {
      fake.invalid.push({ path: request.url.pathname, errors });
      return { status: 400, body: { code: 20001, message: errors.join('; ') } };
    }
    if (request.method === 'GET') {
      return listMessages(fake.accepted, query);
    }

    fake.sendRequests += 1;
    if (fake.latencyMs > 0) {
      await delay(fake.latencyMs);
    }
    const answer = answerSend(fake, form);
    if (answer.status === 201 && fake.autoStatus) {
      scheduleStatus(answer.body as { sid: string }, fake.autoStatus);
    }
    return answer;
  });

  const scheduleStatus = (
    message: { sid: string },
    auto: { status: string; delayMs: number },
  ) => {
    fake.callbacksPending += 1;
    setTimeout(() => {
      running
        .sendStatus(message.sid, auto.status)
        .catch(() => 0)
        .finally(() => {
          fake.callbacksPending -= 1;
        });
    }, auto.delayMs);
  };

  const running = Object.assign(fake, {
    url: server.url,
    close: server.close,
    async sendStatus(sid: string, status: string, extra = {}) {
      const message = fake.accepted.find((item) => item.sid === sid);
      if (!message?.statusCallback) {
        throw new Error(`no status callback for ${sid}`);
      }

      const params: Record<string, string> = {
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: status,
        SmsStatus: status,
        AccountSid: TWILIO_ACCOUNT_SID,
        From: message.from ?? '',
        To: message.to,
        ApiVersion: '2010-04-01',
        ...extra,
      };
      const signature = twilio.getExpectedTwilioSignature(
        TWILIO_AUTH_TOKEN,
        message.statusCallback,
        params,
      );
      const response = await fetch(message.statusCallback, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signature,
        },
        body: new URLSearchParams(params).toString(),
      });
      await response.arrayBuffer();
      return response.status;
    },
  });
  return running;
}

function authErrors(request: RawRequest) {
  const expected = Buffer.from(
    `${TWILIO_ACCOUNT_SID}:${TWILIO_AUTH_TOKEN}`,
  ).toString('base64');
  return request.headers.authorization === `Basic ${expected}`
    ? []
    : ['basic auth with the account SID and auth token is required'];
}

function answerSend(
  fake: { plan: AnswerPlan; accepted: TwilioMessage[] },
  form: Record<string, string>,
): FakeAnswer {
  const mode = fake.plan.take();
  switch (mode) {
    case 'timeout':
      return { status: 0, hang: true };
    case 'server-error':
      return {
        status: 503,
        body: { code: 20500, message: 'Service unavailable', status: 503 },
      };
    case 'rate-limit':
      return {
        status: 429,
        headers: { 'retry-after': '1' },
        body: { code: 20429, message: 'Too Many Requests', status: 429 },
      };
    case 'invalid-number':
      return {
        status: 400,
        body: {
          code: 21211,
          message: `The 'To' number ${form.To} is not a valid phone number.`,
          more_info: 'https://www.twilio.com/docs/errors/21211',
          status: 400,
        },
      };
    default: {
      const message: TwilioMessage = {
        sid: `SM${randomBytes(16).toString('hex')}`,
        to: form.To,
        from: form.From ?? null,
        body: form.Body ?? '',
        statusCallback: form.StatusCallback ?? null,
        ...callbackIds(form.StatusCallback),
        dateCreated: new Date(),
      };
      fake.accepted.push(message);
      return { status: 201, body: resource(message, 'queued') };
    }
  }
}

function callbackIds(url: string | undefined) {
  const query = url ? new URL(url).searchParams : new URLSearchParams();
  return {
    deliveryId: query.get('deliveryId'),
    attemptId: query.get('attemptId'),
  };
}

function listMessages(
  accepted: TwilioMessage[],
  query: Record<string, string>,
): FakeAnswer {
  const since = query['DateSent>'] ? new Date(query['DateSent>']) : null;
  const messages = accepted
    .filter((item) => !query.To || item.to === query.To)
    .filter((item) => !since || item.dateCreated >= since)
    .map((item) => resource(item, 'sent'));
  return {
    status: 200,
    body: {
      messages,
      page: 0,
      page_size: messages.length,
      first_page_uri: '',
      next_page_uri: null,
      previous_page_uri: null,
      uri: '',
    },
  };
}

function resource(message: TwilioMessage, status: string) {
  const date = message.dateCreated.toUTCString().replace('GMT', '+0000');
  return {
    account_sid: TWILIO_ACCOUNT_SID,
    api_version: '2010-04-01',
    body: message.body,
    date_created: date,
    date_sent: date,
    date_updated: date,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: message.from,
    messaging_service_sid: null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status,
    to: message.to,
    uri: `/2010-04-01/Accounts/${TWILIO_ACCOUNT_SID}/Messages/${message.sid}.json`,
  };
}
