import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from './client-address';
import { problemBody } from './problem';

/**
 * The methods each kind of path serves, by prefix (first match wins). Next.js answers the
 * methods a route file does not export with a bare 405 (no `Allow`), and methods it does not know
 * at all (TRACE, CONNECT, PROPFIND...) with a 500; the front door answers both first.
 */
const ROUTE_METHODS: [prefix: string, methods: string[]][] = [
  ['/api/commands/', ['POST']],
  ['/api/queries/', ['GET', 'HEAD']],
  ['/api/baseline/', ['GET', 'HEAD']],
  ['/api/auth/token', ['POST']],
  ['/api/auth/', ['GET', 'HEAD', 'POST']],
  ['/api/', ['GET', 'HEAD']],
  ['/', ['GET', 'HEAD', 'POST']],
];

/** What the server as a whole serves: the answer to `OPTIONS *` (RFC 9110 §9.3.7). */
export const SERVER_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST'];

/** The methods a path serves, OPTIONS included (Next.js answers OPTIONS itself with the route's Allow). */
export function allowedMethods(path: string): string[] {
  const methods = ROUTE_METHODS.find(([prefix]) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix))?.[1] ?? ['GET', 'HEAD'];
  return [...methods, 'OPTIONS'].sort();
}

export type Verdict = { status: 204 | 400 | 405; headers: Record<string, string>; problem?: ReturnType<typeof problemBody> };

/**
 * What the front door answers itself, or null to pass the request on to Next.js. Pure, so the unit
 * tests cover every case without a server.
 */
export function frontDoorVerdict(method: string, target: string): Verdict | null {
  if (target === '*') {
    if (method === 'OPTIONS') return { status: 204, headers: { Allow: SERVER_METHODS.join(', ') } };
    return refusal(400, 'invalid-request', 'The target * is only meaningful for OPTIONS', '*', [{ path: '(target)', message: 'must be a path' }]);
  }
  const path = target.startsWith('/') ? target.split(/[?#]/, 1)[0] : null;
  if (path === null) return null; // absolute-form: Next.js parses it
  if (!decodes(path)) {
    return refusal(400, 'invalid-request', 'The path has malformed percent-encoding', undefined, [{ path: '(path)', message: MALFORMED }]);
  }
  // Next.js re-encodes a bad query string before handlers see it (%ff becomes U+FFFD): refuse it here, naming the parameter
  const query = path.startsWith('/api/') ? target.slice(path.length).split('#', 1)[0].slice(1) : '';
  const badParams = query
    .split('&')
    .filter((pair) => pair && !pair.split('=').every(decodes))
    .map((pair) => {
      const name = pair.split('=', 1)[0];
      return { path: decodes(name) ? decodeURIComponent(name) : name, message: MALFORMED };
    });
  if (badParams.length) return refusal(400, 'invalid-request', 'The query parameters are invalid', path, badParams);
  const allow = allowedMethods(path);
  // Next.js answers OPTIONS on API routes itself (204 with the route's Allow), on pages with a 400
  if (method === 'OPTIONS' && !path.startsWith('/api/')) return { status: 204, headers: { Allow: allow.join(', ') } };
  if (!allow.includes(method)) {
    return refusal(405, 'method-not-allowed', `${method} is not served here; use ${allow.join(', ')}`, path, undefined, { Allow: allow.join(', ') });
  }
  return null;
}

const MALFORMED = 'must be percent-encoded UTF-8 (each % followed by two hex digits)';

const decodes = (raw: string) => {
  try {
    decodeURIComponent(raw);
    return true;
  } catch {
    return false;
  }
};

function refusal(
  status: 400 | 405,
  code: string,
  detail: string,
  instance?: string,
  errors?: { path: string; message: string }[],
  headers: Record<string, string> = {},
): Verdict {
  return { status, headers, problem: problemBody(status, code, detail, instance, errors ? { errors } : {}) };
}

/** Answers a request the front door refuses; true when it did. */
export function guardRequest(req: IncomingMessage, res: ServerResponse, trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES)): boolean {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket?.remoteAddress, req.headers['x-forwarded-for'], trusted);
  const verdict = frontDoorVerdict(req.method ?? 'GET', req.url ?? '/');
  if (!verdict) return false;
  const body = verdict.problem && req.method !== 'HEAD' ? JSON.stringify(verdict.problem) : '';
  res.writeHead(verdict.status, {
    ...verdict.headers,
    ...(verdict.problem ? { 'Content-Type': 'application/problem+json' } : {}),
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
  return true;
}

const INSTALLED = Symbol.for('quadrant.frontDoor');

/**
 * Puts the front door in front of Next.js in this process: every HTTP request is seen here first,
 * with its socket, before Next.js routes it. Next.js offers no earlier hook: proxy.ts (formerly
 * middleware) runs after the method and path have been accepted, cannot see the socket's address,
 * and copies every request body it matches into memory. Called from instrumentation.ts; see
 * docs/decisions/0009-api-edge-hardening.md.
 */
export function installFrontDoor(): void {
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & { emit: (event: string, ...args: unknown[]) => boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      try {
        if (guardRequest(req, res, trusted)) return true;
      } catch (err) {
        console.error('[front-door]', err instanceof Error ? err.message : err);
      }
    }
    return emit.call(this, event, ...args);
  };
}
