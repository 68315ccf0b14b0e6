/**
 * A replay's dry run: change events are first translated into record
 * changes, then every record change is simulated by Herald in file order;
 * nothing is stored or sent.
 *
 * Limitation: Herald simulates at most 1,000 items in one sequence; past
 * that, a later item no longer sees an earlier item's effect.
 */
import type { HeraldClient } from './herald-client.js';
import {
  MAX_BATCH,
  runsOf,
  sendBatch,
  type CdcLine,
  type RecordLine,
  type Sendable,
} from './replay-batches.js';
import type { DryRunAnswer, ReplayTally } from './replay-tally.js';
import type { EventTranslator } from './replay-translator.js';

/**
 * A dry run: change events are first translated by the connector, then
 * every resulting record change is simulated in file order.
 */
export async function dryRun(
  client: HeraldClient,
  lines: Sendable[],
  tally: ReplayTally,
  translator: EventTranslator,
  step: (count: number) => void,
) {
  const items: RecordLine[] = [];
  for (const batch of runsOf(lines, MAX_BATCH)) {
    if (batch[0].kind === 'record') {
      items.push(...(batch as RecordLine[]));
    } else {
      items.push(
        ...(await translateEvents(translator, batch as CdcLine[], tally)),
      );
    }
  }

  for (let start = 0; start < items.length; start += MAX_BATCH) {
    const batch = items.slice(start, start + MAX_BATCH);
    const answers = await sendBatch<DryRunAnswer>(
      client,
      '/api/records/dry-run',
      batch.map((line) => line.item),
      'items',
    );
    answers.forEach((answer, i) => {
      const { line, item } = batch[i];
      tally.addDryRunAnswer(
        line,
        `${item.objectType} ${item.recordId}`,
        answer,
      );
    });
  }
  step(lines.length);
}

/** The record changes events would make, tagged with their lines. */
async function translateEvents(
  translator: EventTranslator,
  batch: CdcLine[],
  tally: ReplayTally,
): Promise<RecordLine[]> {
  const answers = await translator(batch.map((line) => line.event));
  const items: RecordLine[] = [];
  answers.forEach((answer, i) => {
    const { line } = batch[i];
    if (!answer.ok) {
      tally.addRejected(line, answer.error.code, answer.error.message);
      return;
    }
    if (answer.outcome === 'recorded') {
      tally.addRecorded();
      return;
    }

    tally.addIgnoredFields(line, answer.ignoredFields);
    for (const item of answer.changes) {
      items.push({ kind: 'record', line, item: toDryRunItem(item) });
    }
  });
  return items;
}

/** The dry-run item shape: no source, reference or time. */
function toDryRunItem(item: RecordLine['item']): RecordLine['item'] {
  const { objectType, recordId, customerId, fields } = item;
  return {
    objectType,
    recordId,
    ...(customerId !== undefined ? { customerId } : {}),
    ...(fields !== undefined ? { fields } : {}),
    ...(item.delete ? { delete: true } : {}),
  };
}
