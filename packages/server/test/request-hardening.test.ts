/**
 * Requests a tester broke the API with: URL spellings that dodged auth,
 * text Postgres cannot store, hostile nesting, ids out of a column's
 * range, ids longer than the router allowed and errors answered outside
 * Herald's shape. Each test is named after the input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishShippingFlow, seedBasics } from './fixtures.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

let herald: TestHerald;
let flowId: string;

beforeAll(async () => {
  herald = await startTestHerald({ worker: false });
  await seedBasics(herald);
  flowId = await publishShippingFlow(herald);
});

afterAll(async () => {
  await herald?.stop();
});

/** Sends a raw path and body text, without the URL API normalising it. */
async function raw(
  method: string,
  path: string,
  options: { body?: string; token?: boolean; type?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (options.token !== false) {
    headers.authorization = `Bearer ${herald.token}`;
  }
  if (options.body !== undefined) {
    headers['content-type'] = options.type ?? 'application/json';
  }

  const { request } = await import('node:http');
  const url = new URL(herald.url);
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // Not JSON: keep the text.
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('auth is decided by the matched route, not the URL text', () => {
  it.each([
    '/%61pi/customers',
    '/%41PI/customers',
    '/API/customers',
    '/api/Customers',
    '//api/customers',
    '/api//customers',
    '/api/./customers',
    '/api/../api/customers',
    '/./api/customers',
    '/api/customers/',
    '/api/customers%2f',
    '/api/customers?x=/api/health',
    '/api/%63ustomers',
  ])('never answers customers for %s without a token', async (path) => {
    for (const method of ['GET', 'HEAD']) {
      const answer = await raw(method, path, { token: false });
      expect(answer.status, `${method} ${path}`).not.toBe(200);
      expect(JSON.stringify(answer.body ?? '')).not.toContain('vip-1');
    }
  });

  it('answers 401 for %61pi/customers, the encoded route', async () => {
    const answer = await raw('GET', '/%61pi/customers', { token: false });
    expect([401, 404]).toContain(answer.status);
    expect(answer.body.error.code).toMatch(/HERALD_(UNAUTHORIZED|NOT_FOUND)/);
  });
});

describe('NUL and lone surrogates are refused whole, naming the field', () => {
  it.each([
    ['NUL in a batch record field', '\\u0000'],
    ['a lone high surrogate in a batch record field', '\\ud800'],
    ['a lone low surrogate in a batch record field', '\\udc00'],
  ])('refuses %s and stores no earlier item', async (_name, escape) => {
    const text =
      '{"items":[' +
      '{"objectType":"Shipment","recordId":"NUL-1",' +
      '"customerId":"vip-1","fields":{"trackingNumber":"ok"}},' +
      '{"objectType":"Shipment","recordId":"NUL-2",' +
      `"customerId":"vip-1","fields":{"trackingNumber":"a${escape}b"}}]}`;
    const answer = await raw('POST', '/api/records/batch', { body: text });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'HERALD_BAD_REQUEST',
      details: { field: 'items.1.fields.trackingNumber' },
    });
    const first = await herald.api('/api/records/Shipment/NUL-1');
    expect(first.status).toBe(404);
  });

  it('refuses NUL in a field name', async () => {
    const answer = await raw('PUT', '/api/records/Shipment/NUL-3', {
      body: '{"customerId":"vip-1","fields":{"a\\u0000b":"x"}}',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.field).toBe('fields.a\uFFFDb');
  });

  it('refuses NUL in a customer batch and in a query and a path param', async () => {
    const batch = await raw('POST', '/api/customers/batch', {
      body: '{"items":[{"id":"c-ok","firstName":"A"},{"id":"c-2","firstName":"\\u0000"}]}',
    });
    expect(batch.status).toBe(400);
    expect(batch.body.error.details.field).toBe('items.1.firstName');

    const query = await raw('GET', '/api/customers?tier=%00');
    expect(query.status).toBe(400);
    expect(query.body.error.details).toMatchObject({
      in: 'querystring',
      field: 'tier',
    });

    const param = await raw('GET', '/api/records/Shipment/a%00b');
    expect(param.status).toBe(400);
    expect(param.body.error.code).toBe('HERALD_BAD_REQUEST');

    const customers = await herald.api('/api/customers');
    const ids = customers.body.items.map((item: any) => item.id);
    expect(ids).not.toContain('c-ok');
  });
});

describe('deep nesting is refused at parse time', () => {
  it('refuses a body nested 200,000 levels with 400', async () => {
    const depth = 200_000;
    const text =
      '{"customerId":"vip-1","fields":{"trackingNumber":' +
      '['.repeat(depth) +
      ']'.repeat(depth) +
      '}}';
    const answer = await raw('PUT', '/api/records/Shipment/DEEP-1', {
      body: text,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('HERALD_BAD_REQUEST');
    expect(answer.body.error.message).toContain('deeper than 64');
  });

  it('refuses a flow condition nested 1,800 nots with 400', async () => {
    let test: unknown = {
      fact: 'record',
      path: 'status',
      operator: 'equal',
      value: 'Shipped',
    };
    for (let index = 0; index < 1800; index += 1) {
      test = { not: test };
    }
    const text = JSON.stringify({
      graph: {
        schemaVersion: 1,
        steps: [{ id: 'c', type: 'condition', data: { test } }],
        edges: [],
      },
    });
    const answer = await raw('POST', `/api/flows/${flowId}/validate`, {
      body: text,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.field).toMatch(/^graph\.steps\.0\.data/);
  });
});

describe('ids out of range of their columns', () => {
  it('answers 404 HERALD_FLOW_NOT_FOUND for GET /api/flows/abc/versions/1', async () => {
    const answer = await herald.api('/api/flows/abc/versions/1');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('HERALD_FLOW_NOT_FOUND');
  });

  it('answers 400 for /versions/99999999999', async () => {
    const answer = await herald.api(
      `/api/flows/${flowId}/versions/99999999999`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'HERALD_BAD_REQUEST',
      details: { field: 'version' },
    });
  });

  it.each([
    ['GET', '/api/flows/abc'],
    ['PUT', '/api/flows/abc'],
    ['POST', '/api/flows/abc/publish'],
    ['POST', '/api/flows/abc/deactivate'],
    ['POST', '/api/flows/abc/validate'],
  ])('answers 404 for %s %s', async (method, path) => {
    const answer = await herald.api(path, {
      method,
      body: method === 'GET' ? undefined : {},
    });
    expect(answer.status).toBe(404);
  });

  it.each([
    '/api/deliveries/abc',
    '/api/deliveries?flowId=abc',
    '/api/deliveries?changeId=99999999999999999999',
    '/api/runs?changeId=-1',
    '/api/audit?before=abc',
    '/api/audit?since=0000-01-01T00:00:00Z',
    '/api/audit?since=2025-02-31T10:00:00Z',
  ])('answers 4xx, never 5xx, for %s', async (path) => {
    const answer = await herald.api(path);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.error.code).toMatch(/^HERALD_/);
  });
});

describe('long ids and framework errors', () => {
  it('round-trips a 128-character record id', async () => {
    const recordId = 'R'.repeat(128);
    const put = await herald.api(`/api/records/Shipment/${recordId}`, {
      method: 'PUT',
      body: { customerId: 'vip-1', fields: { trackingNumber: 'long' } },
    });
    expect(put.status).toBe(200);
    const read = await herald.api(`/api/records/Shipment/${recordId}`);
    expect(read.status).toBe(200);
    expect(read.body.recordId).toBe(recordId);
  });

  it('answers a 129-character record id in Herald shape', async () => {
    const answer = await herald.api(`/api/records/Shipment/${'R'.repeat(129)}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('HERALD_BAD_REQUEST');
  });

  it('answers GET /api/records/Case/%E0%A4%A in Herald shape', async () => {
    const answer = await raw('GET', '/api/records/Case/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        code: 'HERALD_BAD_REQUEST',
        message: expect.any(String),
        details: expect.any(Object),
      },
    });
  });

  it('words a text/plain body refusal without "body body"', async () => {
    const answer = await raw('PUT', '/api/records/Shipment/T-1', {
      body: 'hello',
      type: 'text/plain',
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.error.message).not.toContain('body body');
  });
});

describe('static file refusals keep their status', () => {
  it.each([
    '/%2e%2e/package.json',
    '/..%2f..%2fpackage.json',
    '/assets/..%2f..%2f..%2fpackage.json',
    '/%00',
  ])('answers %s with a Herald code of the same status', async (path) => {
    const answer = await raw('GET', path, { token: false });
    const codes: Record<number, string> = {
      400: 'HERALD_BAD_REQUEST',
      403: 'HERALD_FORBIDDEN',
      404: 'HERALD_NOT_FOUND',
    };
    expect(answer.body.error?.code, `${answer.status}`).toBe(
      codes[answer.status],
    );
  });
});
