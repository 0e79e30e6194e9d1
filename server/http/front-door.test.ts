import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address';
import { allowedMethods, frontDoorVerdict } from './front-door';
import { nestsDeeperThan, pathsWithNul } from './json-shape';
import { isJsonMediaType, parseMediaType } from './media-type';
import { redact } from './redact';

describe('the front door (what Next.js would answer with a 500)', () => {
  it.each([
    ['TRACE', '/api/queries/events/upcoming', 'GET, HEAD, OPTIONS'],
    ['TRACE', '/api/commands/events/create-event', 'OPTIONS, POST'],
    ['PROPFIND', '/api/auth/token', 'OPTIONS, POST'],
    ['CONNECT', '/', 'GET, HEAD, OPTIONS, POST'],
    ['PUT', '/api/queries/events/upcoming?limit=1', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/commands/social/create-post', 'OPTIONS, POST'],
  ])('answers %s %s with 405 and Allow: %s', (method, target, allow) => {
    const verdict = frontDoorVerdict(method, target);
    expect(verdict).toMatchObject({ status: 405, headers: { Allow: allow }, problem: { status: 405, code: 'method-not-allowed' } });
  });

  it('passes the methods a path serves on to Next.js', () => {
    expect(frontDoorVerdict('GET', '/api/queries/events/upcoming?limit=5')).toBeNull();
    expect(frontDoorVerdict('POST', '/api/commands/events/create-event')).toBeNull();
    expect(frontDoorVerdict('OPTIONS', '/api/commands/events/create-event')).toBeNull();
    expect(frontDoorVerdict('HEAD', '/api/health')).toBeNull();
    expect(allowedMethods('/api/auth/callback/credentials')).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
  });

  it('answers OPTIONS * with the server-wide Allow, and any other method on * with 400', () => {
    expect(frontDoorVerdict('OPTIONS', '*')).toEqual({ status: 204, headers: { Allow: 'GET, HEAD, OPTIONS, POST' } });
    expect(frontDoorVerdict('GET', '*')).toMatchObject({ status: 400, problem: { code: 'invalid-request' } });
  });

  it('answers OPTIONS on a page itself (Next.js answers 400)', () => {
    expect(frontDoorVerdict('OPTIONS', '/social')).toEqual({ status: 204, headers: { Allow: 'GET, HEAD, OPTIONS, POST' } });
  });

  it.each(['/api/queries/events/%ff%fe', '/api/queries/events/%', '/api/queries/events/%zz', '/%c3'])('refuses the malformed path %s with 400', (target) => {
    expect(frontDoorVerdict('GET', target)).toMatchObject({ status: 400, problem: { code: 'invalid-request', errors: [{ path: '(path)' }] } });
  });

  it('refuses a malformed query string on API routes, naming the parameter', () => {
    expect(frontDoorVerdict('GET', '/api/queries/social/people?prefix=%ff&limit=5')).toMatchObject({
      status: 400,
      problem: { errors: [{ path: 'prefix' }] },
    });
    expect(frontDoorVerdict('GET', '/api/queries/social/people?prefix=%C3%A9&q=a+b')).toBeNull();
  });
});

describe('client addresses', () => {
  const none = parseTrustedProxies('');
  const proxies = parseTrustedProxies('10.0.0.0/8, ::1');

  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.7', '1.2.3.4', none)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:203.0.113.7', undefined, none)).toBe('203.0.113.7');
  });

  it('reads X-Forwarded-For from the right through trusted proxies only', () => {
    // the client made up 1.2.3.4; the proxy at 10.0.0.2 appended the address it saw
    expect(clientAddress('10.0.0.2', '1.2.3.4, 198.51.100.9', proxies)).toBe('198.51.100.9');
    expect(clientAddress('10.0.0.2', '198.51.100.9, 10.0.0.5', proxies)).toBe('198.51.100.9');
    expect(clientAddress('203.0.113.7', '198.51.100.9', proxies)).toBe('203.0.113.7'); // not a trusted peer
    expect(clientAddress('10.0.0.2', 'garbage', proxies)).toBe('10.0.0.2');
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address', () => {
    expect(() => parseTrustedProxies('proxy.internal')).toThrow(/TRUSTED_PROXIES/);
  });
});

describe('media types (RFC 9110)', () => {
  it.each([
    ['application/json', true],
    ['APPLICATION/JSON', true],
    ['application/json; charset=utf-8', true],
    ['application/json;charset="UTF-8"', true],
    ['application/problem+json', true],
    ['application/json; charset=iso-8859-1', false],
    ['text/plain; charset=application/json', false],
    ['text/plain', false],
    ['application/jsonx', false],
    ['application/json; charset', false],
    ['', false],
  ])('%j is JSON: %s', (header, json) => {
    expect(isJsonMediaType(header)).toBe(json);
  });

  it('parses quoted parameters with separators inside', () => {
    expect(parseMediaType('multipart/form-data; boundary="a;b"')).toEqual({ type: 'multipart', subtype: 'form-data', params: { boundary: 'a;b' } });
  });
});

describe('JSON shape checks', () => {
  it('finds nesting past the limit without recursion, ignoring brackets in strings', () => {
    expect(nestsDeeperThan(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 64)).toBe(true);
    expect(nestsDeeperThan(`{"a":"${'['.repeat(100)}"}`, 64)).toBe(false);
    expect(nestsDeeperThan(`{"a":"\\"${'{'.repeat(100)}"}`, 64)).toBe(false);
    expect(nestsDeeperThan('[[[]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
  });

  it('names every string and key holding U+0000, at any depth', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(pathsWithNul(deep)).toEqual([`${Array(50_000).fill('0').join('.')}`]);
    expect(pathsWithNul({ a: ['ok', 'b\u0000'], 'k\u0000': 1 })).toEqual(['a.1', 'k\u0000']);
  });
});

describe('log redaction', () => {
  it('drops query parameters and email addresses from what a fault logs', () => {
    const line = redact('Failed query: select * from users where lower(email) = $1\nparams: victim@example.com,secret\n    at x (y.js:1:1)');
    expect(line).not.toContain('victim@example.com');
    expect(line).not.toContain('secret');
    expect(line).toContain('params: <redacted>');
    expect(line).toContain('at x (y.js:1:1)');
    expect(redact('sign-in for Someone@Example.com failed')).toMatch(/<email:[0-9a-f]{12}>/);
  });
});

describe('text PostgreSQL cannot store as sent', () => {
  it('names unpaired surrogate escapes (they would be stored as U+FFFD) and keeps pairs', async () => {
    const { badText } = await import('./json-shape');
    expect(badText(JSON.parse('{"a":"\\ud800","b":"\\ud83d\\ude00","c":["\\udc00x"]}'))).toEqual([
      { path: 'a', message: expect.stringMatching(/Unicode/) },
      { path: 'c.0', message: expect.stringMatching(/Unicode/) },
    ]);
  });
});
