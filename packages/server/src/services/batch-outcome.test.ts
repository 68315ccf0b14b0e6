import { describe, expect, it } from 'vitest';
import { HeraldError } from '../errors.js';
import { settle } from './batch-outcome.js';

const silent = { error: () => undefined };

function apply(item: string) {
  if (item === 'refused') {
    throw new HeraldError('HERALD_FIELD_TYPE', 'refused', { field: 'x' });
  }
  if (item === 'crash') {
    throw new RangeError('Invalid time value');
  }

  return Promise.resolve({ item });
}

describe('settle', () => {
  it('answers a HeraldError as that item and goes on', async () => {
    const outcomes = await settle(
      ['refused', 'a'],
      async (item) => apply(item),
      silent,
    );
    expect(outcomes).toEqual([
      {
        ok: false,
        error: {
          code: 'HERALD_FIELD_TYPE',
          message: 'refused',
          details: { field: 'x' },
        },
      },
      { ok: true, item: 'a' },
    ]);
  });

  it('rethrows an unexpected error when nothing was stored yet', async () => {
    await expect(
      settle(['refused', 'crash', 'a'], async (item) => apply(item), silent),
    ).rejects.toThrow('Invalid time value');
  });

  it('answers an unexpected error after a stored item as HERALD_INTERNAL', async () => {
    const logged: unknown[] = [];
    const outcomes = await settle(
      ['a', 'crash', 'b'],
      async (item) => apply(item),
      { error: (entry: unknown) => logged.push(entry) },
    );
    expect(outcomes).toEqual([
      { ok: true, item: 'a' },
      {
        ok: false,
        error: {
          code: 'HERALD_INTERNAL',
          message: expect.any(String),
          details: { item: 1 },
        },
      },
      { ok: true, item: 'b' },
    ]);
    expect(logged).toHaveLength(1);
  });
});
