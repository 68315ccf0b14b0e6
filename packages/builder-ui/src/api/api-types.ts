/**
 * Shapes the Herald API answers with, as the builder reads them. The server's
 * docs/api.md is the contract; the Flow graph and catalog types come from the
 * engine so the builder and the server agree on them.
 */
import type { FlowGraph, FlowProblem, ObjectTypeDef } from '@herald/engine';

export type { FlowProblem };

/** A Flow's lifecycle state. */
export type FlowStatus = 'draft' | 'active' | 'inactive';

/** One Template of the library, as `GET /api/catalog` lists it. */
export interface CatalogTemplate {
  id: string;
  name: string;
  /** The library category; null when none. */
  category: string | null;
  body: string;
  /** Bodies per locale (`de`, `fr-CA` …); absent or empty when none. */
  variants?: Record<string, string>;
}

/** What the builder needs to describe and edit Steps. */
export interface CatalogResponse {
  objectTypes: ObjectTypeDef[];
  templates: CatalogTemplate[];
}

/** One row of `GET /api/flows`. */
export interface FlowSummary {
  id: string;
  name: string;
  description: string | null;
  status: FlowStatus;
  activeVersion: number | null;
  updatedAt: string;
  draftUpdatedAt: string | null;
  /** Who last changed the Flow; null when nothing recorded it. */
  changedBy: { kind: 'user' | 'token' | 'system'; name: string | null } | null;
  /** When the Flow (its settings or draft) last changed. */
  changedAt: string;
  /** Runs and Deliveries of the last 24 hours. */
  last24Hours: FlowActivity;
}

/** A Flow's Runs and Deliveries over a window. */
export interface FlowActivity {
  runs: number;
  deliveries: number;
  /** Deliveries per status, e.g. `{ "sent": 3, "blocked": 1 }`. */
  deliveriesByStatus: Record<string, number>;
}

/** One published version of a Flow. */
export interface FlowVersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
}

/** A Flow with its draft graph and version history. */
export interface FlowDetail {
  id: string;
  name: string;
  description: string | null;
  status: FlowStatus;
  activeVersion: number | null;
  draft: FlowGraph;
  versions: FlowVersionSummary[];
}

/** Fields `PUT /api/flows/:id` accepts; each is optional. */
/** What a new Flow is created from. */
export interface FlowCreate {
  name: string;
  description?: string | null;
  graph?: FlowGraph;
}

/** Changes to a Flow's draft and settings. */
export interface FlowDraftUpdate {
  name?: string;
  description?: string;
  graph?: FlowGraph;
}

/** What `POST /api/flows/:id/publish` answers on success. */
export interface PublishResponse {
  version: number;
  ruleSet: unknown;
}

/** How many current Customers a Rollout admits, out of all of them. */
export interface RolloutAudience {
  admitted: number;
  total: number;
  /** The regions Customers live in, sorted, for region chips. */
  regions: string[];
}

/** Fields `PUT /api/templates/:id` accepts. */
export interface TemplateUpdate {
  name: string;
  /** Omitted keeps the stored category; null clears it. */
  category?: string | null;
  body: string;
  /** Every locale variant; omitted keeps the stored ones. */
  variants?: Record<string, string>;
}

/** Where a person's own test sends go. */
export interface TestRecipient {
  channel: 'sms' | 'whatsapp' | 'messenger';
  phone: string | null;
  messengerPsid: string | null;
}

/** What to render for a test send, as the preview shows it. */
export interface TestSendRequest {
  customerId: string;
  objectType: string | null;
  record: Record<string, unknown>;
  /** The variant previewed; null: the default body. */
  locale: string | null;
  /** Unsaved text (admins only); omitted: the library's text. */
  body?: string;
}

/** What `POST /api/templates/:id/test-send` answers. */
export interface TestSendResult {
  deliveryId: string;
  channel: string;
  adapter: string;
  to: string;
  body: string;
  status: string;
}

/** One message the sandbox Channel sent. */
export interface OutboxMessage {
  id: string;
  deliveryId: string;
  customerId: string;
  channel: string;
  toAddress: string | null;
  body: string;
  createdAt: string;
  /** A test send to a person's own test recipient, not to the Customer. */
  isTest: boolean;
  testRequestedBy: string | null;
}

/** One Delivery, as `GET /api/deliveries` lists it. */
export interface DeliverySummary {
  id: string;
  flowId: string;
  flowVersion: number;
  recordId: string;
  customerId: string;
  channel: string | null;
  status: string;
  statusReason: string | null;
  body: string | null;
  createdAt: string;
}

/** The list envelope every list route answers with. */
export interface ListResponse<T> {
  items: T[];
}
