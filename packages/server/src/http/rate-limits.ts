/**
 * Rate limits at the edge: ingest routes (records, customers, connectors)
 * per token and per address, and sign-in per address and per email. The
 * defaults are high enough that replay and benchmarks run unthrottled.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HeraldError } from '../errors.js';
import type { RateLimitClass } from './access-policy.js';
import type { AccessSettings } from './app-context.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';

/** Installs the limits on `app` (after auth, so tokens are known). */
export function installRateLimits(
  app: FastifyInstance,
  settings: AccessSettings,
) {
  const limiters: Record<RateLimitClass, RateLimiter> = {
    ingest: createRateLimiter(settings.ingestRateLimit),
    'sign-in': createRateLimiter(settings.signInRateLimit),
  };

  app.addHook('preHandler', async (request, reply) => {
    const limitClass = classOf(request);
    if (!limitClass) {
      return;
    }

    const limiter = limiters[limitClass];
    const waits = keysOf(request, limitClass)
      .map((key) => limiter.hit(`${limitClass}:${key}`))
      .filter((wait): wait is number => wait !== null);
    if (waits.length === 0) {
      return;
    }

    const retryAfter = Math.max(...waits);
    reply.header('retry-after', String(retryAfter));
    throw new HeraldError('HERALD_RATE_LIMITED', 'too many requests', {
      retryAfterSeconds: retryAfter,
    });
  });
}

function classOf(request: FastifyRequest): RateLimitClass | undefined {
  const config = request.routeOptions.config;
  if (config?.rateLimit) {
    return config.rateLimit;
  }

  return config?.access === 'ingest' ? 'ingest' : undefined;
}

function keysOf(request: FastifyRequest, limitClass: RateLimitClass) {
  const keys = [`address:${request.ip}`];
  if (limitClass === 'sign-in') {
    const email = (request.body as { email?: unknown } | undefined)?.email;
    if (typeof email === 'string') {
      keys.push(`email:${email.toLowerCase()}`);
    }
  }
  if (request.principal) {
    keys.push(`principal:${request.principal.id}`);
  }

  return keys;
}
