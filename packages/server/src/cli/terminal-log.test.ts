import { describe, expect, it } from 'vitest';
import { formatLogLine } from './terminal-log.js';

describe('formatLogLine', () => {
  const time = new Date(2026, 0, 2, 9, 5, 7).getTime();
  const cases = [
    {
      name: 'a message with fields, dropping pid and hostname',
      entry: {
        level: 30,
        time,
        pid: 1,
        hostname: 'vm',
        deliveryId: 'd-1',
        channel: 'sms',
        msg: 'delivery sent',
      },
      line: '09:05:07 INFO  delivery sent deliveryId=d-1 channel=sms\n',
    },
    {
      name: 'values with spaces and objects as JSON',
      entry: { level: 40, time, note: 'two words', ids: [1, 2], msg: 'odd' },
      line: '09:05:07 WARN  odd note="two words" ids=[1,2]\n',
    },
    {
      name: 'an error with its stack indented below',
      entry: { level: 50, time, err: { stack: 'Error: x\n  at y' }, msg: 'f' },
      line: '09:05:07 ERROR f\n    Error: x\n      at y\n',
    },
  ];

  it.each(cases)('formats $name', ({ entry, line }) => {
    expect(formatLogLine(JSON.stringify(entry))).toBe(line);
  });

  it('passes a line that is not JSON through', () => {
    expect(formatLogLine('plain text\n')).toBe('plain text\n');
  });
});
