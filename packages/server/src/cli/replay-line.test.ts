import { describe, expect, it } from 'vitest';
import { readReplayLine } from './replay-line.js';

describe('readReplayLine', () => {
  const header = {
    entityName: 'Case',
    recordIds: ['5005g'],
    changeType: 'UPDATE',
  };
  const cases: { name: string; text: string; kind: string; reason?: RegExp }[] =
    [
      { name: 'a blank line', text: '   ', kind: 'blank' },
      {
        name: 'a record change',
        text: '{"objectType":"Case","recordId":"C-1","fields":{"status":"New"}}',
        kind: 'record',
      },
      {
        name: 'a Pub/Sub payload',
        text: JSON.stringify({ ChangeEventHeader: header }),
        kind: 'cdc',
      },
      {
        name: 'a CometD message',
        text: JSON.stringify({
          data: { payload: { ChangeEventHeader: header } },
        }),
        kind: 'cdc',
      },
      {
        name: 'a CometD message without its data wrapper',
        text: JSON.stringify({ payload: { ChangeEventHeader: header } }),
        kind: 'cdc',
      },
      {
        name: 'broken JSON',
        text: '{"objectType":',
        kind: 'malformed',
        reason: /JSON/,
      },
      {
        name: 'an array',
        text: '[1]',
        kind: 'malformed',
        reason: /JSON object/,
      },
      {
        name: 'an object that is neither',
        text: '{"id":1}',
        kind: 'malformed',
        reason: /neither a record change/,
      },
      {
        name: 'a record change with an unknown key',
        text: '{"objectType":"Case","recordId":"C-1","colour":"red"}',
        kind: 'malformed',
        reason: /unknown key colour/,
      },
      {
        name: 'a record change whose delete is not boolean',
        text: '{"objectType":"Case","recordId":"C-1","delete":"yes"}',
        kind: 'malformed',
        reason: /delete must be/,
      },
      {
        name: 'a record change nested 100,000 levels deep',
        text:
          '{"objectType":"Case","recordId":"C-1","fields":{"a":' +
          '['.repeat(100_000) +
          ']'.repeat(100_000) +
          '}}',
        kind: 'malformed',
        reason: /nested deeper than 64 levels/,
      },
      {
        name: 'a record change nested 60 levels deep',
        text:
          '{"objectType":"Case","recordId":"C-1","fields":{"a":' +
          '['.repeat(57) +
          ']'.repeat(57) +
          '}}',
        kind: 'record',
      },
    ];

  it.each(cases)('reads $name', ({ text, kind, reason }) => {
    const line = readReplayLine(text, 7);
    expect(line).toMatchObject({ kind, line: 7 });
    if (reason) {
      expect(line.kind === 'malformed' && line.reason).toMatch(reason);
    }
  });
});
