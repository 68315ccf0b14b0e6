/**
 * A reader of the server-sent events wire format, for streams read with
 * `fetch` (which, unlike EventSource, can send an Authorization header).
 * Feed it text as it arrives; it answers the events completed so far.
 */

/** One server-sent event. */
export interface ServerSentEvent {
  /** The `event:` field; `message` when the event named none. */
  event: string;
  data: string;
  /** The `id:` field, when the event had one. */
  id?: string;
}

/** Reads events out of text chunks that may split lines anywhere. */
export function createEventReader() {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;

  function line(text: string, out: ServerSentEvent[]) {
    if (text === '') {
      if (data.length > 0) {
        out.push({ event: event || 'message', data: data.join('\n'), id });
      }

      event = '';
      data = [];
      id = undefined;
      return;
    }

    if (text.startsWith(':')) {
      return;
    }

    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    const value = colon === -1 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') {
      event = value;
    } else if (field === 'data') {
      data.push(value);
    } else if (field === 'id') {
      id = value;
    }
  }

  return {
    /** Adds text; answers the events it completed. */
    push(chunk: string): ServerSentEvent[] {
      buffer += chunk;
      // A trailing CR may be the first half of a CRLF; wait for the rest.
      const held = buffer.endsWith('\r') ? '\r' : '';
      const lines = buffer
        .slice(0, buffer.length - held.length)
        .split(/\r\n|\r|\n/);
      buffer = (lines.pop() ?? '') + held;
      const out: ServerSentEvent[] = [];
      for (const text of lines) {
        line(text, out);
      }

      return out;
    },
  };
}
