/**
 * The HTTP plumbing the fake providers share: a server on 127.0.0.1 with
 * a random port, body collection, and the answer modes a test can set.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers the next send. */
export type AnswerMode =
  'success' | 'server-error' | 'timeout' | 'rate-limit' | 'invalid-number';

/** A request as received, with its raw body. */
export interface RawRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What a handler answers. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Never answer (the client times out). */
  hang?: boolean;
}

/** A running fake server. */
export interface FakeServer {
  url: string;
  close(): Promise<void>;
}

/** Starts a server calling `handle` for every request. */
export async function startFakeServer(
  handle: (request: RawRequest) => Promise<FakeAnswer> | FakeAnswer,
): Promise<FakeServer> {
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      const request = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const answer: FakeAnswer = await Promise.resolve(handle(request)).catch(
        (error) => ({ status: 500, body: { error: String(error) } }),
      );
      if ('hang' in answer && answer.hang) {
        hanging.add(res);
        return;
      }

      res.writeHead(answer.status, {
        'content-type': 'application/json',
        ...answer.headers,
      });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const res of hanging) {
        res.destroy();
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A queue of answer modes: each send takes the next; then the default. */
export class AnswerPlan {
  private queue: AnswerMode[] = [];
  defaultMode: AnswerMode = 'success';

  /** The next sends answer these modes, in order. */
  next(...modes: AnswerMode[]) {
    this.queue.push(...modes);
  }

  /** Every send from now on answers `mode`. */
  always(mode: AnswerMode) {
    this.queue = [];
    this.defaultMode = mode;
  }

  take(): AnswerMode {
    return this.queue.shift() ?? this.defaultMode;
  }
}

/** Waits `ms`. */
export const delay = (ms: number) =>
  new Promise((resolve) => setTimeout(resolve, ms));
