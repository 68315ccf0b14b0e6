/**
 * Who may call which route. Every route names an access rule in its
 * options (`config: { access: 'business-read' }`); this table says which
 * roles each rule admits. An /api route that names none is admin-only, so
 * a route added without thought is closed rather than open.
 *
 * Roles: `admin` (everything), `business` (reads flows, runs and
 * deliveries; publishes Rollout changes), `agent` (conversations and
 * outbound messages; reads templates) and `ingest` (an API token scope:
 * records, customers and connectors only).
 */
import type { RouteOptions } from 'fastify';

/** A role of a user, or the scope of an API token. */
export type Role = 'admin' | 'business' | 'agent' | 'ingest';

/** Every role, in the order the docs list them. */
export const roles: readonly Role[] = ['admin', 'business', 'agent', 'ingest'];

/** Roles a person can have; `ingest` is for API tokens only. */
export const userRoles = ['admin', 'business', 'agent'] as const;

/**
 * Each access rule and the roles it admits. `public` admits callers with
 * no credentials at all: health, the API docs, sign-in, and provider
 * webhooks that verify their own signatures.
 */
export const accessRules = {
  public: ['admin', 'business', 'agent', 'ingest'],
  'signed-in': ['admin', 'business', 'agent', 'ingest'],
  admin: ['admin'],
  'business-read': ['admin', 'business'],
  'rollout-publish': ['admin', 'business'],
  'template-read': ['admin', 'business', 'agent'],
  // A test send reaches only the caller's own test recipient, never a
  // Customer, so the people who shape messages (admins, and business users
  // piloting Flows) may try one on their own phone. Agents message
  // Customers from the console instead; ingest tokens send nothing.
  'test-send': ['admin', 'business'],
  agent: ['admin', 'agent'],
  'customer-read': ['admin', 'business', 'agent', 'ingest'],
  ingest: ['admin', 'ingest'],
} as const satisfies Record<string, readonly Role[]>;

/** The name of an access rule. */
export type AccessRule = keyof typeof accessRules;

/** Rate limit classes a route can belong to (see rate-limits.ts). */
export type RateLimitClass = 'ingest' | 'sign-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; default `admin` for /api routes. */
    access?: AccessRule;
    /** What the audit log records after a successful call. */
    audit?: string;
    /** Rate limit class; `ingest` routes get the ingest limit anyway. */
    rateLimit?: RateLimitClass;
  }
}

/** What the server knows about a route's access, from its options. */
export interface RouteAccess {
  method: string;
  url: string;
  access: AccessRule;
  /** False when the rule came from the default, not the route. */
  declared: boolean;
  /** The route's schemas (zod), for tests that generate input from them. */
  schema?: RouteOptions['schema'];
}

/** Where the framework serves the OpenAPI description and its UI. */
const DOCS_PREFIX = '/api/docs';

/** Resolves the access rule of a route as it is registered. */
export function resolveRouteAccess(
  route: Pick<RouteOptions, 'url' | 'config'>,
): { access: AccessRule; declared: boolean } {
  const declared = (route.config as { access?: string } | undefined)?.access;
  if (declared !== undefined) {
    if (!isAccessRule(declared)) {
      throw new Error(`route ${route.url} names unknown access ${declared}`);
    }

    return { access: declared, declared: true };
  }

  const isApi = route.url === '/api' || route.url.startsWith('/api/');
  if (!isApi || route.url.startsWith(DOCS_PREFIX)) {
    return { access: 'public', declared: false };
  }

  return { access: 'admin', declared: false };
}

/** Whether `role` may call a route under `rule`. */
export function admits(rule: AccessRule, role: Role): boolean {
  return (accessRules[rule] as readonly Role[]).includes(role);
}

function isAccessRule(value: string): value is AccessRule {
  return Object.hasOwn(accessRules, value);
}
