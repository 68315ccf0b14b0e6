/**
 * Shapes of the read-only API answers the simulator, the run history and
 * the Template library read: Records, Customers, Runs, Deliveries and
 * library Templates, as docs/api.md describes them.
 */
import type { PathTrace } from '@herald/engine';

/** One Record, as `GET /api/records/:objectType/:recordId` answers. */
export interface RecordView {
  objectType: string;
  recordId: string;
  customerId: string | null;
  fields: Record<string, unknown>;
  version: number;
  updatedAt: string;
}

/** One Customer, as `GET /api/customers` lists it. */
export interface CustomerView {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  preferredChannel: string | null;
  tier: string;
  region: string | null;
  country: string | null;
  timeZone: string;
  locale: string;
  attributes: Record<string, unknown>;
}

/** One Change as recorded, as `GET /api/changes/:id` answers it. */
export interface ChangeView {
  id: string;
  objectType: string;
  recordId: string;
  customerId: string;
  kind: string;
  prior: Record<string, unknown> | null;
  current: Record<string, unknown> | null;
  changedFields: string[];
  receivedAt: string;
}

/** One Run: a Change evaluated against the active Rule sets. */
export interface RunView {
  id: string;
  changeId: string;
  objectType: string;
  recordId: string;
  customerId: string | null;
  kind: string;
  changedFields: string[];
  ruleSetsEvaluated: number;
  fired: number;
  trace: PathTrace[] | null;
  startedAt: string;
  finishedAt: string | null;
}

/** One Delivery with its status history, as `GET /api/deliveries` lists. */
export interface DeliveryView {
  id: string;
  changeId: string | null;
  flowId: string;
  flowVersion: number;
  pathId: string;
  templateId: string;
  objectType: string;
  recordId: string;
  customerId: string;
  channel: string | null;
  status: string;
  statusReason: string | null;
  body: string | null;
  createdAt: string;
  history: { status: string; reason: string | null; at: string }[];
}

/** One library Template, as `GET /api/templates` lists it. */
export interface LibraryTemplate {
  id: string;
  name: string;
  category: string | null;
  body: string;
  /** Bodies per locale (`de`, `fr-CA` …); empty when none. */
  variants?: Record<string, string>;
  updatedAt?: string;
}
