/**
 * Turns every error into `{ error: { code, message, details } }` with the
 * status its code maps to. Schema failures name the fields at fault;
 * anything unexpected is logged and answered as HERALD_INTERNAL.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorCodes, HeraldError, type ErrorCode } from '../errors.js';

interface Issue {
  path: string;
  message: string;
}

/** Installs the error and not-found handlers on `app`. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
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
  const label = first.path || where;
  return new HeraldError(
    'HERALD_BAD_REQUEST',
    `${where} ${label}: ${first.message}`,
    { in: where, field: first.path || null, issues },
  );
}

function fromFastify(error: FastifyError): HeraldError {
  const known: Record<string, ErrorCode> = {
    FST_ERR_CTP_INVALID_JSON_BODY: 'HERALD_MALFORMED_JSON',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'HERALD_MALFORMED_JSON',
    FST_ERR_CTP_BODY_TOO_LARGE: 'HERALD_BODY_TOO_LARGE',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'HERALD_BAD_REQUEST',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'HERALD_BAD_REQUEST',
  };
  const code = known[error.code];
  if (code) {
    return new HeraldError(code, error.message, {});
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new HeraldError('HERALD_MALFORMED_JSON', error.message, {});
  }
  if (error.statusCode === 413) {
    return new HeraldError('HERALD_BODY_TOO_LARGE', error.message, {});
  }
  if (error.statusCode === 429) {
    return new HeraldError('HERALD_RATE_LIMITED', error.message, {});
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new HeraldError('HERALD_BAD_REQUEST', error.message, {});
  }

  return new HeraldError('HERALD_INTERNAL', errorCodes.HERALD_INTERNAL[1]);
}

function toDotted(instancePath: string) {
  return instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
}
