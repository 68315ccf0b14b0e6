/**
 * Refuses a request whose body, query or path parameters hold text
 * Postgres cannot store (NUL, lone surrogates) or nesting past the limit,
 * before validation and before any handler runs, so a batch is refused
 * whole rather than failing half-way through.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HeraldError } from '../errors.js';
import { findInputProblem } from './input-check.js';

/** Where in a request the guard looks, in the order it looks. */
const PARTS = ['params', 'query', 'body'] as const;

/** Installs the guard on `app`; `maxDepth` bounds object/array nesting. */
export function installInputGuard(app: FastifyInstance, maxDepth: number) {
  app.addHook('preValidation', async (request) => {
    for (const part of PARTS) {
      checkPart(request, part, maxDepth);
    }
  });
}

function checkPart(
  request: FastifyRequest,
  part: (typeof PARTS)[number],
  maxDepth: number,
) {
  const problem = findInputProblem(request[part], maxDepth);
  if (!problem) {
    return;
  }

  const where = part === 'query' ? 'querystring' : part;
  const label = problem.path === '' ? where : `${where} ${problem.path}`;
  throw new HeraldError('HERALD_BAD_REQUEST', `${label}: ${problem.message}`, {
    in: where,
    field: problem.path || null,
  });
}
