/**
 * The facts a simulated Change is evaluated on, built the way the server
 * builds them for a stored Change: the Record's current and prior
 * snapshots, the Change itself, the Customer, and the moment of the run.
 */
import type { ChangeKind, Facts } from '@herald/engine';
import type { CustomerView } from '../api/activity-types';

/** A Change to simulate, as the panel holds it. */
export interface SimulatedChange {
  kind: ChangeKind;
  objectType: string;
  recordId: string;
  /** The Record before the Change; ignored for a create. */
  prior: Record<string, unknown>;
  /** The Record after the Change (for a delete: its last state). */
  current: Record<string, unknown>;
}

/** The Facts for `change` read by `customer` at `now`. */
export function simulationFacts(
  change: SimulatedChange,
  customer: Record<string, unknown>,
  now: Date,
): Facts {
  const prior = change.kind === 'create' ? null : change.prior;

  return {
    record: change.current,
    prior,
    change: {
      kind: change.kind,
      objectType: change.objectType,
      recordId: change.recordId,
      changedFields: changedFieldsOf(prior, change.current),
    },
    customer,
    now: now.toISOString(),
  };
}

/**
 * Fields whose value differs between the snapshots, sorted; every field of
 * `current` when there is no prior snapshot.
 */
export function changedFieldsOf(
  prior: Record<string, unknown> | null,
  current: Record<string, unknown>,
): string[] {
  if (!prior) {
    return Object.keys(current).sort();
  }

  const names = new Set([...Object.keys(prior), ...Object.keys(current)]);
  return [...names]
    .filter(
      (name) => JSON.stringify(prior[name]) !== JSON.stringify(current[name]),
    )
    .sort();
}

/**
 * The `customer` fact for a Customer as the API lists them: custom
 * attributes first, then the named fields, which win, as on the server.
 */
export function customerFact(customer: CustomerView): Record<string, unknown> {
  return {
    ...customer.attributes,
    id: customer.id,
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email,
    phone: customer.phone,
    preferredChannel: customer.preferredChannel,
    tier: customer.tier,
    region: customer.region,
    country: customer.country,
    timeZone: customer.timeZone,
    locale: customer.locale,
  };
}
