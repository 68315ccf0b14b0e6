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
  HERALD_UNAUTHORIZED: [401, 'a valid bearer token is required'],
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
