import { decode, encode, getToken } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { unauthenticated } from '@/server/cqrs/errors';
import type { Actor } from '@/server/cqrs/types';
import { env } from '@/server/env';

/**
 * The caller of an API request: a bearer token (non-browser clients) or the next-auth session
 * cookie (the browser). Both are next-auth JWTs signed with the same secret.
 */
export async function actorFromRequest(req: NextRequest): Promise<Actor | null> {
  const header = req.headers.get('authorization');
  const token = header?.toLowerCase().startsWith('bearer ')
    ? await decode({ token: header.slice(7).trim(), secret: env.NEXTAUTH_SECRET }).catch(() => null)
    : await getToken({ req, secret: env.NEXTAUTH_SECRET }).catch(() => null);
  if (header && !token) throw unauthenticated();
  if (!token?.sub) return null;
  return { userId: token.sub, email: token.email ?? '', name: token.name ?? '', roles: (token.roles as string[]) ?? [] };
}

/** Issues a bearer token for `POST /api/auth/token`. */
export async function issueToken(actor: Actor): Promise<{ token: string; expiresAt: string }> {
  const maxAge = env.TOKEN_TTL_SECONDS;
  const token = await encode({
    token: { sub: actor.userId, email: actor.email, name: actor.name, roles: actor.roles },
    secret: env.NEXTAUTH_SECRET,
    maxAge,
  });
  return { token, expiresAt: new Date(Date.now() + maxAge * 1000).toISOString() };
}
