/**
 * Every error code the server or the engine can answer is documented in
 * docs/errors.md with the same HTTP status, and the doc lists no code the
 * code does not have.
 */
import fs from 'node:fs';
import path from 'node:path';
import { flowProblemCodes } from '@herald/engine';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './config.js';
import { deliveryReasonCodes, errorCodes } from './errors.js';

const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'errors.md'), 'utf8');

function documentedRows() {
  const rows = new Map<string, string[]>();
  for (const line of doc.split('\n')) {
    const match = /^\| `(HERALD_[A-Z_]+)` \|(.*)\|$/.exec(line);
    if (match) {
      rows.set(
        match[1],
        match[2].split('|').map((cell) => cell.trim()),
      );
    }
  }

  return rows;
}

describe('docs/errors.md', () => {
  const rows = documentedRows();

  it.each(Object.entries(errorCodes))(
    'documents %s with its status',
    (code, [status]) => {
      expect(rows.get(code)?.[0]).toBe(String(status));
    },
  );

  it.each(Object.keys(flowProblemCodes))(
    'documents flow problem %s',
    (code) => {
      expect(rows.has(code)).toBe(true);
    },
  );

  it.each(Object.keys(deliveryReasonCodes))(
    'documents delivery reason %s',
    (code) => {
      expect(rows.has(code)).toBe(true);
    },
  );

  it('documents no code that does not exist', () => {
    const known = new Set([
      ...Object.keys(errorCodes),
      ...Object.keys(flowProblemCodes),
      ...Object.keys(deliveryReasonCodes),
    ]);
    expect([...rows.keys()].filter((code) => !known.has(code))).toEqual([]);
  });
});
