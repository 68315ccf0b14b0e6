/**
 * Reading one line of a replay file: a record change, a Salesforce change
 * event (either form), a blank line, or something malformed.
 */
import { looksLikeCdcEvent } from '../connectors/salesforce-cdc-event.js';
import type { RecordChangeInput } from '../services/record-service.js';

/** What one line of a replay file holds. */
export type ReplayLine =
  | { kind: 'record'; line: number; item: RecordChangeInput }
  | { kind: 'cdc'; line: number; event: unknown }
  | { kind: 'malformed'; line: number; reason: string }
  | { kind: 'blank'; line: number };

/** Deepest object/array nesting a line may have: what Herald's API takes. */
export const MAX_LINE_DEPTH = 64;

const recordKeys = new Set([
  'objectType',
  'recordId',
  'customerId',
  'fields',
  'delete',
]);

/** Classifies the text of line `line` (1-based). */
export function readReplayLine(text: string, line: number): ReplayLine {
  if (text.trim() === '') {
    return { kind: 'blank', line };
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'malformed', line, reason: (error as Error).message };
  }

  if (nestingDepth(value) > MAX_LINE_DEPTH) {
    return {
      kind: 'malformed',
      line,
      reason: `nested deeper than ${MAX_LINE_DEPTH} levels`,
    };
  }
  if (looksLikeCdcEvent(value)) {
    return { kind: 'cdc', line, event: value };
  }

  const problem = recordProblem(value);
  if (problem) {
    return { kind: 'malformed', line, reason: problem };
  }

  return { kind: 'record', line, item: value as RecordChangeInput };
}

/** Why a value is not a record change, or undefined when it is one. */
function recordProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'expected a JSON object';
  }

  const item = value as Record<string, unknown>;
  if (
    typeof item.objectType !== 'string' ||
    typeof item.recordId !== 'string'
  ) {
    return (
      'neither a record change (objectType, recordId) nor a Salesforce ' +
      'change event (ChangeEventHeader)'
    );
  }

  const unknown = Object.keys(item).filter((key) => !recordKeys.has(key));
  if (unknown.length > 0) {
    return `unknown key ${unknown.join(', ')}`;
  }
  if (
    item.fields !== undefined &&
    (typeof item.fields !== 'object' || item.fields === null)
  ) {
    return 'fields must be an object';
  }
  if (item.delete !== undefined && typeof item.delete !== 'boolean') {
    return 'delete must be true or false';
  }

  return undefined;
}

/**
 * How deeply objects and arrays nest in `value`, measured without
 * recursion so a hostile line cannot overflow the stack; stops counting
 * once past the limit.
 */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== 'object' || item === null) {
      continue;
    }

    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_LINE_DEPTH) {
      return deepest;
    }
    for (const child of Object.values(item)) {
      pending.push([child, depth + 1]);
    }
  }

  return deepest;
}
