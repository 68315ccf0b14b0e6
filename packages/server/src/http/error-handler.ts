/**
 * Turns every error into `{ error: { code, message, details } }` with the
 * status its code maps to. Schema failures name the fields at fault;
 * anything unexpected is logged and answered as HERALD_INTERNAL.
 */
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorCodes, HeraldError, type ErrorCode } from '../errors.js';

interface Issue {
  path: string;
  message: string;
}

/** Installs the error and not-found handlers on `app`. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    answer(error, request, reply);
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: {
        code: 'HERALD_NOT_FOUND',
        message: `no route ${request.method} ${request.url.split('?')[0]}`,
        details: {},
      },
    });
  });
}

/**
 * Answers errors the router raises before any route or handler exists
 * (a malformed URL encoding, say), for Fastify's `frameworkErrors`.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  answer(error, request, reply);
}

function answer(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const herald = toHeraldError(error);
  if (herald.code === 'HERALD_INTERNAL') {
    request.log.error({ err: error }, 'request failed');
  }

  reply.status(herald.status).send({
    error: {
      code: herald.code,
      message: herald.message,
      details: herald.details,
    },
  });
}

function toHeraldError(error: FastifyError): HeraldError {
  if (error instanceof HeraldError) {
    return error;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return fromValidation(error.validation, error.validationContext);
  }

  return fromFastify(error);
}

function fromValidation(
  validation: {
    keyword: string;
    instancePath: string;
    message?: string;
    params: Record<string, unknown>;
  }[],
  context: string | undefined,
): HeraldError {
  const where = context ?? 'body';
  const issues: Issue[] = validation.map((item) => ({
    path: toDotted(item.instancePath),
    message: item.message ?? item.keyword,
  }));
  const unknown = validation
    .filter((item) => item.keyword === 'unrecognized_keys')
    .flatMap((item) =>
      ((item.params.keys as string[]) ?? []).map((key) =>
        [toDotted(item.instancePath), key].filter(Boolean).join('.'),
      ),
    );
  if (unknown.length > 0) {
    return new HeraldError(
      'HERALD_UNKNOWN_FIELD',
      `unknown field(s) in ${where}: ${unknown.join(', ')}`,
      { in: where, fields: unknown, field: unknown[0], issues },
    );
  }

  const first = issues[0];
  const label = first.path ? `${where} ${first.path}` : where;
  return new HeraldError('HERALD_BAD_REQUEST', `${label}: ${first.message}`, {
    in: where,
    field: first.path || null,
    issues,
  });
}

/** Fastify's own error codes with the Herald code each answers as. */
const knownFastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'HERALD_MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'HERALD_MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'HERALD_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'HERALD_BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'HERALD_BAD_REQUEST',
  FST_ERR_BAD_URL: 'HERALD_BAD_REQUEST',
};

/** Statuses other than 400 that keep their meaning under a Herald code. */
const codeByStatus: Record<number, ErrorCode> = {
  403: 'HERALD_FORBIDDEN',
  404: 'HERALD_NOT_FOUND',
  413: 'HERALD_BODY_TOO_LARGE',
  429: 'HERALD_RATE_LIMITED',
};

function fromFastify(error: FastifyError): HeraldError {
  const code = knownFastifyCodes[error.code];
  if (code) {
    return new HeraldError(code, error.message, {});
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new HeraldError('HERALD_MALFORMED_JSON', error.message, {});
  }

  const byStatus = error.statusCode ? codeByStatus[error.statusCode] : null;
  if (byStatus) {
    return new HeraldError(byStatus, error.message, {});
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new HeraldError('HERALD_BAD_REQUEST', error.message, {});
  }

  return new HeraldError('HERALD_INTERNAL', errorCodes.HERALD_INTERNAL[1]);
}

function toDotted(instancePath: string) {
  return instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
}
