import { describe, expect, it } from 'vitest';
import { createEventReader } from './server-sent-events';

describe('createEventReader', () => {
  it('reads events split across chunks, skipping comments and retry', () => {
    const reader = createEventReader();

    expect(reader.push('retry: 3000\n\nid: 7\nevent: rea')).toEqual([]);
    expect(reader.push('dy\ndata: {"a":1}\n\n: keep-alive\n\n')).toEqual([
      { event: 'ready', data: '{"a":1}', id: '7' },
    ]);
    expect(reader.push('event: message\r\ndata: x\r\ndata: y\r\n\r\n')).toEqual(
      [{ event: 'message', data: 'x\ny', id: undefined }],
    );
  });

  it('names an event without an event field "message"', () => {
    expect(createEventReader().push('data: hi\n\n')).toEqual([
      { event: 'message', data: 'hi', id: undefined },
    ]);
  });
});
