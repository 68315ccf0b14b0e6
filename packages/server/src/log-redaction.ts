/**
 * Log fields pino replaces with `[redacted]`: credentials in headers and
 * bodies, wherever a logged object carries them.
 */

const secretKeys = [
  'authorization',
  'cookie',
  '"set-cookie"',
  '"x-csrf-token"',
  'password',
  'token',
  'secret',
  'csrfToken',
  'apiKey',
  'accessToken',
  'authToken',
  'credentials',
];

/** pino `redact.paths`: each key at the top level and up to two deep. */
export const redactPaths = secretKeys.flatMap((key) => [
  key,
  `*.${key}`,
  `*.*.${key}`,
]);
