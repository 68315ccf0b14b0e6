/**
 * What evaluating a batch of Changes writes: a Run per Change and the
 * Deliveries its fired paths decided, each in one statement.
 */
import type { Db } from '../db/database.js';
import type { NewDelivery } from './delivery-repository.js';

/** A Run before it has an id. */
export interface NewRun {
  changeId: string;
  ruleSetsEvaluated: number;
  fired: number;
  trace: unknown;
  startedAt: Date;
}

/** Records Runs (one per Change); answers their ids keyed by Change id. */
export async function insertRuns(
  db: Db,
  runs: NewRun[],
): Promise<Map<string, string>> {
  if (runs.length === 0) {
    return new Map();
  }

  const rows = await db
    .insertInto('runs')
    .values(
      runs.map((run) => ({
        change_id: run.changeId,
        rule_sets_evaluated: run.ruleSetsEvaluated,
        fired: run.fired,
        trace: JSON.stringify(run.trace),
        started_at: run.startedAt,
      })),
    )
    .returning(['id', 'change_id'])
    .execute();
  return new Map(rows.map((row) => [row.change_id, row.id]));
}

/**
 * Inserts Deliveries, skipping any that exists for the same change, flow
 * version and Channel step; answers, in the order given, each new id or
 * undefined where one existed.
 */
export async function insertDeliveries(
  db: Db,
  deliveries: (NewDelivery & { statusReason: string | null })[],
): Promise<(string | undefined)[]> {
  if (deliveries.length === 0) {
    return [];
  }

  const now = new Date();
  const rows = await db
    .insertInto('deliveries')
    .values(
      deliveries.map((delivery) => ({
        change_id: delivery.changeId,
        flow_id: delivery.flowId,
        flow_version: delivery.flowVersion,
        path_id: delivery.pathId,
        channel_step_id: delivery.channelStepId,
        template_id: delivery.templateId,
        urgent: delivery.urgent,
        customer_id: delivery.customerId,
        object_type: delivery.objectType,
        record_id: delivery.recordId,
        channel_policy: JSON.stringify(delivery.channelPolicy),
        status: delivery.status,
        status_reason: delivery.statusReason,
        send_at: delivery.sendAt,
        updated_at: now,
      })),
    )
    .onConflict((conflict) =>
      conflict
        .columns(['change_id', 'flow_id', 'flow_version', 'channel_step_id'])
        .doNothing(),
    )
    .returning([
      'id',
      'change_id',
      'flow_id',
      'flow_version',
      'channel_step_id',
    ])
    .execute();
  const byKey = new Map(rows.map((row) => [deliveryKey(row), row.id]));
  return deliveries.map((delivery) =>
    byKey.get(
      deliveryKey({
        change_id: delivery.changeId,
        flow_id: delivery.flowId,
        flow_version: delivery.flowVersion,
        channel_step_id: delivery.channelStepId,
      }),
    ),
  );
}

function deliveryKey(row: {
  change_id: string | null;
  flow_id: string | null;
  flow_version: number | null;
  channel_step_id: string | null;
}) {
  return [
    row.change_id,
    row.flow_id,
    row.flow_version,
    row.channel_step_id,
  ].join('\u0000');
}
