/**
 * Herald's coded errors. Each code has one HTTP status and one meaning; the
 * API answers `{ error: { code, message, details } }`. docs/errors.md lists
 * every code, and a test keeps the two in step.
 */

/** Every error code the API can answer, with its status and meaning. */
export const errorCodes = {
  HERALD_BAD_REQUEST: [400, 'the request does not match the route schema'],
  HERALD_MALFORMED_JSON: [400, 'the body is not valid JSON'],
  HERALD_UNKNOWN_FIELD: [400, 'the body names fields that do not exist'],
  HERALD_FIELD_TYPE: [400, 'a field value does not fit the field type'],
  HERALD_BODY_TOO_LARGE: [413, 'the body is larger than the limit'],
  HERALD_UNAUTHORIZED: [
    401,
    'a valid bearer token or session cookie is required',
  ],
  HERALD_SIGN_IN_FAILED: [401, 'the email or password is wrong'],
  HERALD_FORBIDDEN: [403, 'the role or token scope does not allow this'],
  HERALD_CSRF: [
    403,
    'a write signed in by cookie needs its X-CSRF-Token header',
  ],
  HERALD_ACCESS_ROLLOUT_ONLY: [
    403,
    'a business publish may change only Rollout steps; see details',
  ],
  HERALD_FLOW_NOT_ACTIVE: [409, 'the flow has no active version'],
  HERALD_USER_EXISTS: [409, 'a user with that email exists'],
  HERALD_NOT_FOUND: [404, 'no such route or resource'],
  HERALD_UNKNOWN_OBJECT_TYPE: [404, 'the object type is not defined'],
  HERALD_UNKNOWN_CUSTOMER: [422, 'the customer does not exist'],
  HERALD_RECORD_OWNER_CHANGED: [409, 'the record belongs to another customer'],
  HERALD_OBJECT_TYPE_FIELD_CONFLICT: [
    409,
    'an existing field cannot change its type',
  ],
  HERALD_FLOW_INVALID: [422, 'the flow graph has problems; see details'],
  HERALD_FLOW_NOT_FOUND: [404, 'the flow or version does not exist'],
  HERALD_TEMPLATE_INVALID: [422, 'the template does not parse'],
  HERALD_CONNECTOR_UNKNOWN_ENTITY: [
    422,
    'the connector has no mapping for the entity',
  ],
  HERALD_CONNECTOR_MALFORMED_EVENT: [400, 'the change event is malformed'],
  HERALD_SECRET_KEY_MISSING: [
    409,
    'HERALD_SECRET_KEY is not set, so channel secrets cannot be stored',
  ],
  HERALD_CHANNEL_CONFIG_INVALID: [422, 'the channel configuration is invalid'],
  HERALD_WEBHOOK_SIGNATURE: [403, 'the webhook signature is missing or wrong'],
  HERALD_DELIVERY_NOT_FOUND: [404, 'the delivery does not exist'],
  HERALD_CHANGE_NOT_FOUND: [404, 'the change does not exist'],
  HERALD_CONVERSATION_NOT_FOUND: [404, 'the conversation does not exist'],
  HERALD_CONVERSATION_CLOSED: [
    409,
    'the conversation is closed; start a new one',
  ],
  HERALD_CONVERSATION_NO_ADDRESS: [
    409,
    'the customer has no address on that channel',
  ],
  HERALD_CONVERSATION_NO_CONSENT: [
    409,
    'the customer has not opted in to that channel',
  ],
  HERALD_CONVERSATION_WINDOW_CLOSED: [
    409,
    'free text is allowed only inside the 24-hour window; send an approved template',
  ],
  HERALD_CONVERSATION_TEMPLATE_NOT_APPROVED: [
    409,
    'outside the 24-hour window the template needs an approved WhatsApp form or Messenger tag',
  ],
  HERALD_CONVERSATION_RENDER: [
    422,
    'the template could not be rendered for this customer and record',
  ],
  HERALD_TEMPLATE_NOT_FOUND: [404, 'the template does not exist'],
  HERALD_RECORD_NOT_FOUND: [
    404,
    'the record does not exist or belongs to another customer',
  ],
  HERALD_TEST_RECIPIENT_MISSING: [
    409,
    'set your own test recipient before sending a test',
  ],
  HERALD_TEST_RECIPIENT_INVALID: [
    422,
    'the test recipient lacks a valid address for its channel',
  ],
  HERALD_TEST_SEND_RENDER: [
    422,
    'the template could not be rendered for the sample customer and record',
  ],
  HERALD_TEST_SEND_REJECTED: [
    422,
    'the provider refused the test message; its code and message follow',
  ],
  HERALD_TEST_SEND_FAILED: [
    502,
    'the provider could not be reached or failed; nothing was retried',
  ],
  HERALD_RATE_LIMITED: [429, 'too many requests'],
  HERALD_INTERNAL: [500, 'an unexpected error; see the server log'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof errorCodes;

/** An error the API reports with a stable code and details. */
export class HeraldError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HeraldError';
    this.code = code;
    this.details = details;
  }

  /** The HTTP status this error's code maps to. */
  get status(): number {
    return errorCodes[this.code][0];
  }
}

/**
 * Why a Delivery was blocked, failed or moved on: the code that starts its
 * `statusReason` and each Attempt's failure. docs/errors.md lists them.
 */
export const deliveryReasonCodes = {
  HERALD_NO_CONSENT: 'the customer has no recorded opt-in for the channel',
  HERALD_CONSENT_OPTED_OUT: 'the customer opted out of the channel',
  HERALD_NO_ADDRESS: 'the customer has no address (number, id) on the channel',
  HERALD_INVALID_ADDRESS: 'the phone number is not valid for its country',
  HERALD_TEMPLATE_MISSING_VALUE:
    'a merge field has no value and the template gives no default',
  HERALD_TEMPLATE_RENDER: 'the template failed to render (limits, filters)',
  HERALD_TEMPLATE_UNKNOWN: 'the flow version holds no template with that id',
  HERALD_WINDOW_CLOSED:
    'outside the 24-hour window and the template has no form for it',
  HERALD_FREQUENCY_CAP: 'the customer reached the channel cap for 24 hours',
  HERALD_CHANNEL_NOT_CONFIGURED: 'the channel has no usable configuration',
  HERALD_PROVIDER_REJECTED: 'the provider refused the message (4xx)',
  HERALD_PROVIDER_UNAVAILABLE: 'the provider kept failing (timeouts, 5xx)',
  HERALD_PROVIDER_FAILED: 'the provider reported the message failed',
  HERALD_UNKNOWN_OUTCOME:
    'an interrupted send was never confirmed within the bounded time',
  HERALD_FLOW_DEACTIVATED: 'the flow was deactivated before the send',
  HERALD_RECORD_DELETED: 'the record was deleted before a waiting send',
  HERALD_PATH_NO_LONGER_HOLDS:
    "when the wait ended the path's conditions no longer held",
  HERALD_PATH_UNKNOWN: 'the flow version has no such path',
  HERALD_WAIT_DATE_MISSING: 'the date field a Wait reads is blank',
  HERALD_WAIT_DATE_INVALID: 'the date field a Wait reads is not a date',
  HERALD_WAIT_UNKNOWN: 'the version predates wait scheduling; republish it',
} as const;

export type DeliveryReasonCode = keyof typeof deliveryReasonCodes;
