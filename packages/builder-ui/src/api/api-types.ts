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
  category: string;
  body: string;
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

/** Fields `PUT /api/templates/:id` accepts. */
export interface TemplateUpdate {
  name: string;
  category?: string;
  body: string;
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
