import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { env } from '@/server/env';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { createUser } from '@/server/identity/commands/create-user';
import { anonymous, command, expectProblem, randomClient } from '@/server/testing/api';
import { issueTokenHandler } from './token-handler';

const tokenRequest = async (body: unknown, client = randomClient(), headers: Record<string, string> = {}) => {
  const res = await issueTokenHandler(
    new NextRequest('http://localhost/api/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: client, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
};

async function signUp(client = randomClient()) {
  const email = `${randomUUID()}@test.quadrant`;
  const res = await command(createUser, anonymous, { email, name: 'Sign Up', password: 'correct-horse' }, { [CLIENT_ADDRESS_HEADER]: client });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { email, userId: res.body.userId as string };
}

const defaults = { ...env };
afterEach(() => {
  Object.assign(env, defaults);
  vi.restoreAllMocks();
});

describe('identity: sign-up and bearer tokens', () => {
  it('signs up, refuses the same email in any letter case, and issues a working token', async () => {
    const { email, userId } = await signUp();
    const again = await command(createUser, anonymous, { email: email.toUpperCase(), name: 'Again', password: 'correct-horse' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('email-taken');
    const res = await tokenRequest({ email, password: 'correct-horse' });
    expect(res.status).toBe(200);
    expect(res.body.token).toEqual(expect.any(String));
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names each bad sign-up field', async () => {
    const res = await command(createUser, anonymous, { email: 'not-an-email', name: '', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'name', 'password']);
  });

  it.each([
    ['a 65-character local part', `${'x'.repeat(65)}@test.quadrant`],
    ['a 103-character local part', `${'x'.repeat(103)}@test.quadrant`],
    ['a 255-character address', `xy@${'d'.repeat(60)}.${'d'.repeat(60)}.${'d'.repeat(60)}.${'d'.repeat(60)}.quadrant`],
    ['a 64-character domain label', `x@${'d'.repeat(64)}.quadrant`],
    ['a NUL byte', 'nul\u0000@test.quadrant'],
  ])('refuses an email with %s, at sign-up and at sign-in, with a 400 naming it', async (_what, email) => {
    expectProblem(await command(createUser, anonymous, { email, name: 'Long', password: 'correct-horse' }), {
      status: 400,
      code: 'invalid-request',
      paths: ['email'],
    });
    expectProblem(await tokenRequest({ email, password: 'whatever' }), { status: 400, code: 'invalid-request', paths: ['email'] });
  });

  it('accepts an email at the RFC limits (64-character local part)', async () => {
    const email = `${'x'.repeat(28)}${randomUUID()}@test.quadrant`;
    expect(email.split('@')[0]).toHaveLength(64);
    expect((await command(createUser, anonymous, { email, name: 'Long', password: 'correct-horse' })).status).toBe(201);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const { email } = await signUp();
    const wrong = await tokenRequest({ email, password: 'wrong-password' });
    const unknown = await tokenRequest({ email: `${randomUUID()}@test.quadrant`, password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('invalid-credentials');
  });

  it('refuses malformed token requests: 400 naming the field, 415 for anything but JSON, 413 past 4 kB', async () => {
    expectProblem(await tokenRequest({ email: 'a@b.co' }), { status: 400, code: 'invalid-request', paths: ['password'] });
    expectProblem(await tokenRequest('{not json'), { status: 400, code: 'invalid-request', paths: ['(body)'] });
    expectProblem(await tokenRequest(`${'['.repeat(1000)}${']'.repeat(1000)}`), { status: 400, code: 'invalid-request', paths: ['(body)'] });
    const body = { email: 'a@b.co', password: 'x' };
    for (const type of ['text/plain', 'text/plain; charset=application/json', 'application/x-www-form-urlencoded']) {
      expectProblem(await tokenRequest(body, randomClient(), { 'content-type': type }), {
        status: 415,
        code: 'unsupported-media-type',
        paths: ['Content-Type'],
      });
    }
    expectProblem(await tokenRequest({ ...body, password: 'x'.repeat(5000) }), { status: 413, code: 'body-too-large', paths: ['(body)'] });
  });

  it('never logs a raw email or password, whatever fails', async () => {
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    const email = `${randomUUID()}@test.quadrant`;
    await tokenRequest({ email: `nul\u0000${email}`, password: 'p4ssw0rd-secret' });
    await tokenRequest({ email, password: 'p4ssw0rd-secret' });
    await tokenRequest(`{"email":"${email}","password":"p4ssw0rd-secret"`);
    expect(logged.join('\n')).not.toContain(email);
    expect(logged.join('\n')).not.toContain('p4ssw0rd-secret');
  });
});

describe('sign-in throttling that nobody can turn against someone else', () => {
  it('limits guesses per account and client: the guesser is refused, even with the right password; the owner elsewhere is not', async () => {
    const { email } = await signUp();
    const guesser = randomClient();
    for (let i = 0; i < env.AUTH_MAX_FAILURES_PER_ACCOUNT_CLIENT; i++)
      expect((await tokenRequest({ email, password: 'wrong-password' }, guesser)).status).toBe(401);
    const limited = await tokenRequest({ email, password: 'correct-horse' }, guesser);
    expectProblem(limited, { status: 429, code: 'rate-limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(env.AUTH_ACCOUNT_CLIENT_WINDOW_SECONDS);
    expect((await tokenRequest({ email, password: 'correct-horse' }, randomClient())).status).toBe(200);
  });

  it('gives a made-up X-Forwarded-For no fresh limit (only the front door says who the client is)', async () => {
    const { email } = await signUp();
    const guesser = randomClient();
    for (let i = 0; i < env.AUTH_MAX_FAILURES_PER_ACCOUNT_CLIENT; i++) await tokenRequest({ email, password: 'wrong-password' }, guesser);
    const spoofed = await tokenRequest({ email, password: 'wrong-password' }, guesser, { 'x-forwarded-for': '198.51.100.1', 'x-real-ip': '198.51.100.2' });
    expect(spoofed.status).toBe(429);
  });

  it('limits guesses per account across clients, high and short, and a locked-out client pushes nobody else over', async () => {
    env.AUTH_MAX_FAILURES_PER_ACCOUNT = 8;
    const { email } = await signUp();
    // one client exhausts its own limit and keeps hammering: refused attempts count nowhere
    const hammer = randomClient();
    for (let i = 0; i < 30; i++) await tokenRequest({ email, password: 'wrong-password' }, hammer);
    expect((await tokenRequest({ email, password: 'correct-horse' }, randomClient())).status).toBe(200);
    // guesses spread over many clients do reach the account-wide limit, for its short window only
    for (let i = 0; i < env.AUTH_MAX_FAILURES_PER_ACCOUNT; i++) await tokenRequest({ email, password: 'wrong-password' }, randomClient());
    const limited = await tokenRequest({ email, password: 'correct-horse' }, randomClient());
    expectProblem(limited, { status: 429, code: 'rate-limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(env.AUTH_ACCOUNT_WINDOW_SECONDS);
  });

  it('limits failures per client across accounts, without touching other clients', async () => {
    env.AUTH_MAX_FAILURES_PER_CLIENT = 6;
    const sprayer = randomClient();
    for (let i = 0; i < env.AUTH_MAX_FAILURES_PER_CLIENT; i++) await tokenRequest({ email: `${randomUUID()}@test.quadrant`, password: 'x' }, sprayer);
    const { email } = await signUp();
    expect((await tokenRequest({ email, password: 'correct-horse' }, sprayer)).status).toBe(429);
    expect((await tokenRequest({ email, password: 'correct-horse' }, randomClient())).status).toBe(200);
  });

  it('holds the per-account-and-client limit under concurrent guesses', async () => {
    const { email } = await signUp();
    const guesser = randomClient();
    const answers = await Promise.all(Array.from({ length: 15 }, () => tokenRequest({ email, password: 'wrong-password' }, guesser)));
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(env.AUTH_MAX_FAILURES_PER_ACCOUNT_CLIENT);
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
  });
});

describe('open sign-up throttling', () => {
  it('allows a client a budget of sign-ups per window, then 429 with Retry-After; other clients are unaffected', async () => {
    env.PUBLIC_COMMANDS_PER_CLIENT = 3;
    const client = randomClient();
    for (let i = 0; i < 3; i++) await signUp(client);
    const res = await command(
      createUser,
      anonymous,
      { email: `${randomUUID()}@test.quadrant`, name: 'Fourth', password: 'correct-horse' },
      { [CLIENT_ADDRESS_HEADER]: client },
    );
    expectProblem(res, { status: 429, code: 'rate-limited' });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    await signUp(randomClient());
  });

  it('does not count requests it refuses as malformed', async () => {
    env.PUBLIC_COMMANDS_PER_CLIENT = 2;
    const client = randomClient();
    for (let i = 0; i < 5; i++) await command(createUser, anonymous, { email: 'bad' }, { [CLIENT_ADDRESS_HEADER]: client });
    await signUp(client);
    await signUp(client);
  });
});
