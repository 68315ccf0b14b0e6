/**
 * Builds the benchmark's Changes: creates, updates and deletes of the ten
 * object types, with a prior snapshot that differs in the changed fields,
 * for Customers of every tier, region and a few time zones.
 */
import type { Facts } from '../src/rule-set.js';
import {
  benchObjectTypeNames,
  benchSources,
  benchStatuses,
} from './bench-catalog.js';
import type { RandomSource } from './random-source.js';

const NOW_MS = Date.parse('2024-06-01T10:00:00Z');
const DAY_MS = 86_400_000;
const CUSTOMER_COUNT = 5000;
const tiers = ['Standard', 'Gold', 'VIP', 'Platinum'];
const regions = ['north', 'South', 'west', 'East'];
const zones = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'];
const changeable = ['status', 'total', 'items', 'subject', 'dueDate', 'urgent'];

/** `count` Changes with their facts. */
export function buildChanges(count: number, random: RandomSource): Facts[] {
  const changes: Facts[] = [];
  for (let i = 0; i < count; i += 1) changes.push(buildChange(i, random));

  return changes;
}

function buildChange(index: number, random: RandomSource): Facts {
  const roll = random.next();
  const kind = roll < 0.8 ? 'update' : roll < 0.95 ? 'create' : 'delete';
  const record = snapshot(random);
  const changedFields =
    kind === 'update'
      ? random
          .subset(changeable, 0.3)
          .concat(random.chance(0.5) ? ['status'] : [])
      : Object.keys(record);
  const prior =
    kind === 'create' ? null : priorOf(record, changedFields, random);

  return {
    record,
    prior,
    change: {
      kind,
      objectType: random.pick(benchObjectTypeNames),
      recordId: `rec-${index}`,
      changedFields: [...new Set(changedFields)],
    },
    customer: customer(random.int(1, CUSTOMER_COUNT)),
    now: new Date(NOW_MS + random.int(0, 3600) * 1000).toISOString(),
  };
}

function snapshot(random: RandomSource): Record<string, unknown> {
  return {
    status: random.pick(benchStatuses),
    source: random.pick(benchSources),
    total: { amount: random.int(0, 500), currency: 'EUR' },
    items: random.chance(0.1) ? String(random.int(0, 9)) : random.int(0, 9),
    limit: random.int(0, 9),
    subject: random.pick([
      'Late parcel',
      'Refund asked',
      'VIP upgrade',
      '',
      'Hello',
    ]),
    reference: `${random.pick(['A', 'B', 'C', 'D'])}-${random.int(100, 999)}`,
    urgent: random.chance(0.2),
    dueDate: dayFromNow(random.int(-5, 15)),
    updatedAt: new Date(NOW_MS - random.int(0, 72) * 3_600_000).toISOString(),
  };
}

function priorOf(
  record: Record<string, unknown>,
  changedFields: string[],
  random: RandomSource,
): Record<string, unknown> {
  const prior = { ...record };
  const fresh = snapshot(random);
  for (const field of changedFields) prior[field] = fresh[field];

  return prior;
}

function customer(n: number): Record<string, unknown> {
  return {
    id: `cus-${n}`,
    firstName: 'Ada',
    tier: tiers[n % tiers.length],
    region: regions[(n >> 2) % regions.length],
    timeZone: zones[(n >> 4) % zones.length],
    preferredChannel: 'sms',
  };
}

function dayFromNow(days: number): string {
  return new Date(NOW_MS + days * DAY_MS).toISOString().slice(0, 10);
}
