/**
 * Reads a server-sent event stream the way a browser's EventSource
 * does (id, event and data fields; comment lines skipped), keeping every
 * event so a test can wait for the ones it expects.
 */

/** One event of the stream. */
export interface StreamedEvent {
  id: string | null;
  event: string;
  data: any;
}

/** An open stream and what it has sent so far. */
export interface EventStreamReader {
  status: number;
  events: StreamedEvent[];
  /** Waits for the first event (read or to come) satisfying `check`. */
  waitFor(
    check: (event: StreamedEvent) => boolean,
    timeoutMs?: number,
  ): Promise<StreamedEvent>;
  close(): void;
}

/** Opens `url` with `headers` (a cookie, a Last-Event-ID …). */
export async function openEventStream(
  url: string,
  headers: Record<string, string>,
): Promise<EventStreamReader> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const events: StreamedEvent[] = [];
  const waiters = new Set<() => void>();
  void pump(response, events, () => waiters.forEach((wake) => wake()));

  return {
    status: response.status,
    events,
    waitFor(check, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const look = () => {
          const found = events.find(check);
          if (found) {
            waiters.delete(look);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(look);
          reject(
            new Error(
              `no matching event in ${timeoutMs} ms; got ` +
                JSON.stringify(events),
            ),
          );
        }, timeoutMs);
        waiters.add(look);
        look();
      });
    },
    close: () => abort.abort(),
  };
}

async function pump(
  response: Response,
  events: StreamedEvent[],
  wake: () => void,
) {
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const parsed = parseFrame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (parsed) {
          events.push(parsed);
          wake();
        }
        end = buffer.indexOf('\n\n');
      }
    }
  } catch {
    // Closed by the test.
  }
}

function parseFrame(frame: string): StreamedEvent | null {
  let id: string | null = null;
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':') || line === '') {
      continue;
    }

    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') {
      id = value;
    } else if (field === 'event') {
      event = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (data.length === 0) {
    return null;
  }

  return { id, event, data: JSON.parse(data.join('\n')) };
}
