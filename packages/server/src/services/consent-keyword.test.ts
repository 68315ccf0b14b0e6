import { describe, expect, it } from 'vitest';
import { readKeyword } from './consent-keyword.js';

describe('readKeyword', () => {
  it.each([
    ['STOP', 'opt_out'],
    ['stop', 'opt_out'],
    ['  Stop  ', 'opt_out'],
    ['STOPALL', 'opt_out'],
    ['unsubscribe', 'opt_out'],
    ['Cancel', 'opt_out'],
    ['end', 'opt_out'],
    ['QUIT\n', 'opt_out'],
    ['START', 'opt_in'],
    ['unstop', 'opt_in'],
    [' yes ', 'opt_in'],
    ['HELP', 'help'],
    ['info', 'help'],
  ])('%j is %s', (body, action) => {
    expect(readKeyword(body)?.action).toBe(action);
  });

  it.each(['stop please', 'STOPP', 'no', '', 'HELP ME'])(
    '%j is no keyword',
    (body) => {
      expect(readKeyword(body)).toBeNull();
    },
  );
});
