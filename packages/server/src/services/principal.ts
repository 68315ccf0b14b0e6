/**
 * Who is calling: a signed-in user, an API token, or the bootstrap admin
 * token. Services take it to record who did what.
 */
import type { Role } from '../http/access-policy.js';

/** The caller of one request, once authenticated. */
export interface Principal {
  kind: 'user' | 'token';
  /** User id, API token id, or `bootstrap` for the bootstrap token. */
  id: string;
  /** Email of a user, name of a token. */
  name: string;
  role: Role;
  /** How the credential came: a session cookie or a bearer header. */
  via: 'session' | 'bearer';
  /** The session's CSRF token, for cookie-authenticated requests. */
  csrfToken?: string;
}

/** Who did something, as the audit log records it. */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  id: string | null;
  name: string | null;
  /** The client's address, when the action came over HTTP. */
  address?: string | null;
}

/** The actor behind a principal, seen from `address`. */
export function actorOf(principal: Principal, address?: string): Actor {
  return {
    kind: principal.kind,
    id: principal.id,
    name: principal.name,
    address: address ?? null,
  };
}

/** The actor for things Herald does by itself (start-up, jobs). */
export const systemActor: Actor = { kind: 'system', id: null, name: 'herald' };
