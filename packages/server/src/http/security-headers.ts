/**
 * Security headers on every answer: no sniffing, no framing, no referrer,
 * a strict Content Security Policy for the builder, and HSTS when the
 * request came over HTTPS (directly or through a trusted proxy).
 */
import type { FastifyInstance } from 'fastify';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // React Flow positions nodes with style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Where the OpenAPI UI lives; it brings its own inline scripts. */
const DOCS_PREFIX = '/api/docs';

/** Installs the headers on `app`. */
export function installSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    if (!request.url.startsWith(DOCS_PREFIX)) {
      reply.header('content-security-policy', CSP);
    }
    if (request.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
    }
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000');
    }
  });
}
