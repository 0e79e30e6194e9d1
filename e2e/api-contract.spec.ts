import { randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { expect, test } from '@playwright/test';

/**
 * What only the HTTP server sees, against the built server (issue 10): methods Next.js does not
 * serve, `OPTIONS *`, raw malformed paths, bodies streamed past their cap, and client addresses
 * from the socket. The route handlers' own contract is fuzzed in-process
 * (server/testing/openapi-contract.int.test.ts).
 */
const base = new URL(process.env.BASE_URL ?? 'http://127.0.0.1:3000');

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with the path exactly as given (no URL normalisation), optionally a streamed body. */
function raw(method: string, path: string, opts: { headers?: Record<string, string>; body?: (req: http.ClientRequest) => void } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, method, path, headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    // the server may answer and close while we are still sending: the answer is what counts
    req.on('error', (err) => (/EPIPE|ECONNRESET/.test(String(err)) ? undefined : reject(err)));
    if (opts.body) opts.body(req);
    else req.end();
  });
}

const problem = (a: Answer) => {
  expect(a.headers['content-type']).toBe('application/problem+json');
  return JSON.parse(a.body) as { status: number; code: string; errors?: { path: string }[] };
};

test.describe('methods', () => {
  const cases = [
    ['/api/queries/events/upcoming', 'GET, HEAD, OPTIONS'],
    ['/api/commands/events/create-event', 'OPTIONS, POST'],
    ['/api/auth/token', 'OPTIONS, POST'],
    ['/api/auth/session', 'GET, HEAD, OPTIONS, POST'],
    ['/api/health', 'GET, HEAD, OPTIONS'],
    ['/', 'GET, HEAD, OPTIONS, POST'],
  ] as const;
  for (const [path, allow] of cases) {
    test(`TRACE, PROPFIND and PUT on ${path} answer 405 with Allow: ${allow}`, async () => {
      for (const method of ['TRACE', 'PROPFIND', 'PUT']) {
        const a = await raw(method, path);
        expect(a.status, `${method} ${path}`).toBe(405);
        expect(a.headers.allow).toBe(allow);
        expect(problem(a)).toMatchObject({ status: 405, code: 'method-not-allowed' });
      }
    });
  }

  test('OPTIONS answers 204 with Allow, on a route and on the server as a whole (OPTIONS *)', async () => {
    const route = await raw('OPTIONS', '/api/commands/events/create-event');
    expect(route.status).toBe(204);
    expect(route.headers.allow).toContain('POST');
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(base.port), base.hostname, () => socket.write(`OPTIONS * HTTP/1.1\r\nHost: ${base.host}\r\nConnection: close\r\n\r\n`));
      let text = '';
      socket.on('data', (c) => (text += c));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 204/);
    expect(answer).toMatch(/\r\nallow: GET, HEAD, OPTIONS, POST\r\n/i);
  });
});

test.describe('paths and query strings', () => {
  for (const path of ['/api/queries/events/%ff%fe', '/api/queries/events/%', '/api/commands/events/%zz']) {
    test(`${path} answers 400 naming the path`, async () => {
      const a = await raw(path.includes('commands') ? 'POST' : 'GET', path);
      expect(a.status).toBe(400);
      expect(problem(a)).toMatchObject({ code: 'invalid-request', errors: [{ path: '(path)' }] });
    });
  }

  test('a query parameter with malformed encoding or a NUL answers 400 naming it', async () => {
    const bad = await raw('GET', '/api/queries/events/upcoming?q=%ff%fe');
    expect(bad.status).toBe(400);
    expect(problem(bad).errors?.[0].path).toBe('q');
    const nul = await raw('GET', '/api/queries/events/upcoming?q=a%00b');
    expect(nul.status).toBe(400);
    expect(problem(nul).errors?.[0].path).toBe('q');
  });
});

test.describe('bodies', () => {
  /** Streams `total` bytes in 64 kB chunks, chunked, as fast as the server takes them. */
  const stream = (total: number) => (req: http.ClientRequest) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < total && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  };

  for (const path of ['/api/commands/identity/create-user', '/api/auth/token', '/api/auth/callback/credentials']) {
    test(`a 50 MB body streamed to ${path} is refused with 413 at the cap, long before it is all sent`, async () => {
      const started = Date.now();
      const json = path.includes('callback') ? 'application/x-www-form-urlencoded' : 'application/json';
      const a = await raw('POST', path, { headers: { 'content-type': json, 'transfer-encoding': 'chunked' }, body: stream(50 * 1024 * 1024) });
      expect(a.status).toBe(413);
      expect(problem(a).code).toBe('body-too-large');
      expect(Date.now() - started).toBeLessThan(5000);
    });
  }

  test('a declared Content-Length over the cap is refused before any of the body is read', async () => {
    const a = await raw('POST', '/api/commands/identity/create-user', {
      headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
      body: (req) => req.write('{'),
    });
    expect(a.status).toBe(413);
  });

  test('text/plain; charset=application/json is not JSON: 415', async () => {
    const a = await raw('POST', '/api/auth/token', {
      headers: { 'content-type': 'text/plain; charset=application/json' },
      body: (req) => req.end(JSON.stringify({ email: 'a@b.co', password: 'x' })),
    });
    expect(a.status).toBe(415);
    expect(problem(a).code).toBe('unsupported-media-type');
  });
});

test('sign-in limits count the socket address: a made-up X-Forwarded-For gets no fresh limit', async () => {
  const email = `xff-${randomUUID()}@e2e.test`;
  const attempt = (forwarded?: string) =>
    raw('POST', '/api/auth/token', {
      headers: { 'content-type': 'application/json', ...(forwarded ? { 'x-forwarded-for': forwarded } : {}) },
      body: (req) => req.end(JSON.stringify({ email, password: 'wrong-password' })),
    });
  let status = 0;
  for (let i = 0; i < 10 && status !== 429; i++) status = (await attempt()).status;
  expect(status).toBe(429);
  const spoofed = await attempt(`198.51.100.${Math.floor(Math.random() * 250)}`);
  expect(spoofed.status).toBe(429);
  expect(Number(spoofed.headers['retry-after'])).toBeGreaterThan(0);
});
