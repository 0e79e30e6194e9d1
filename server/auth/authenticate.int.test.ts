import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { env } from '@/server/env';
import { createUser } from '@/server/identity/commands/create-user';
import { command, anonymous } from '@/server/testing/api';
import { issueTokenHandler } from './token-handler';

const tokenRequest = (body: unknown, client = randomUUID()) =>
  issueTokenHandler(
    new NextRequest('http://localhost/api/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

async function signUp() {
  const email = `${randomUUID()}@test.quadrant`;
  const res = await command(createUser, anonymous, { email, name: 'Sign Up', password: 'correct-horse' });
  expect(res.status).toBe(201);
  return { email, userId: res.body.userId as string };
}

describe('identity: sign-up and bearer tokens', () => {
  it('signs up, refuses the same email in any letter case, and issues a working token', async () => {
    const { email, userId } = await signUp();
    const again = await command(createUser, anonymous, { email: email.toUpperCase(), name: 'Again', password: 'correct-horse' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('email-taken');
    const res = await tokenRequest({ email, password: 'correct-horse' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.token).toEqual(expect.any(String));
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names each bad sign-up field', async () => {
    const res = await command(createUser, anonymous, { email: 'not-an-email', name: '', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'name', 'password']);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const { email } = await signUp();
    const wrong = await tokenRequest({ email, password: 'wrong-password' });
    const unknown = await tokenRequest({ email: `${randomUUID()}@test.quadrant`, password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a).toEqual(b);
    expect(a.code).toBe('invalid-credentials');
  });

  it('rate limits failures per account with 429 and Retry-After, even with the right password', async () => {
    const { email } = await signUp();
    for (let i = 0; i < env.AUTH_MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await tokenRequest({ email, password: 'wrong-password' })).status).toBe(401);
    }
    const limited = await tokenRequest({ email, password: 'correct-horse' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).code).toBe('rate-limited');
  });

  it('rate limits failures per client across accounts', async () => {
    const client = randomUUID();
    for (let i = 0; i < env.AUTH_MAX_FAILURES_PER_CLIENT; i++) {
      await tokenRequest({ email: `${randomUUID()}@test.quadrant`, password: 'x' }, client);
    }
    const { email } = await signUp();
    expect((await tokenRequest({ email, password: 'correct-horse' }, client)).status).toBe(429);
    expect((await tokenRequest({ email, password: 'correct-horse' })).status).toBe(200);
  });

  it('rejects malformed token requests with 400 naming the field', async () => {
    const res = await tokenRequest({ email: 'a@b.c' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].path).toBe('password');
    expect((await tokenRequest('{not json')).status).toBe(400);
  });
});
