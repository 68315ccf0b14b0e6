/**
 * An error answered by the Herald API, or a failure to reach it. The API
 * always answers `{ error: { code, message, details } }`; callers tell errors
 * apart by `code` and `status`, never by the message text.
 */
export class ApiError extends Error {
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** Stable error code, e.g. `HERALD_FLOW_INVALID`. */
  readonly code: string;
  /** Whatever the API put in `details`; shape depends on `code`. */
  readonly details: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Code given to requests that failed before the API answered. */
export const NETWORK_ERROR_CODE = 'HERALD_UI_NETWORK';

/** Code given to answers that were not the API's JSON error shape. */
export const UNEXPECTED_RESPONSE_CODE = 'HERALD_UI_UNEXPECTED_RESPONSE';
