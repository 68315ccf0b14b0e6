/**
 * Shapes of the access routes' answers: the session, users, API tokens and
 * the audit log (see the server's docs/api.md).
 */
import type { FlowGraph, TemplateDef } from '@herald/engine';

/** A role of a user, or the scope of an API token. */
export type Role = 'admin' | 'business' | 'agent' | 'ingest';

/** `GET /api/session`: who is calling. */
export interface SessionInfo {
  kind: 'user' | 'token';
  role: Role;
  name: string;
  csrfToken: string | null;
}

/** A user, without the password. */
export interface UserView {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

/** An API token, without the secret. */
export interface ApiTokenView {
  id: string;
  name: string;
  scope: Role;
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to creating a token: the only time `token` is shown. */
export interface CreatedApiToken extends ApiTokenView {
  token: string;
}

/** One audit log entry. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  address: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  summary: string;
}

/** A published version with its graph. */
export interface FlowVersionDetail {
  flowId: string;
  version: number;
  graph: FlowGraph;
  /** The Template copies (name, body, variants) it was published with. */
  templates?: TemplateDef[];
  publishedAt: string;
  publishedBy: string | null;
}
