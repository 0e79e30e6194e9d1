/** The bench's own HTTP calls outside the load streams (setup, probes, polling): keep-alive, JSON bodies. */
import http from 'node:http';

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Request = (method: 'GET' | 'POST', path: string, headers?: Record<string, string>, body?: unknown) => Promise<Response>;

export function httpClient(port: number, timeoutMs: number, maxSockets = 128): Request {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return (method, path, headers = {}, body) =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          agent,
          host: '127.0.0.1',
          port,
          method,
          path,
          headers: { ...headers, ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      if (data) req.write(data);
      req.end();
    });
}
