import type { NextRequest } from 'next/server';
import { actorFromRequest } from '@/server/auth/actor-from-request';
import { forbidden, unauthenticated } from '@/server/cqrs/errors';
import type { Access, ActorFor } from '@/server/cqrs/define';
import type { Actor } from '@/server/cqrs/types';

/**
 * The one place a route's declared access is enforced (handlers then narrow by ownership). Returns
 * the caller typed by the access, so handlers of non-public routes get an `Actor`, never null.
 */
export function checkAccess<A extends Access>(access: A, actor: Actor | null): ActorFor<A> {
  if (access === 'public') return actor as ActorFor<A>;
  if (!actor) throw unauthenticated();
  if (access !== 'signed-in' && !access.roles.some((role) => actor.roles.includes(role))) {
    throw forbidden(`This needs one of the roles: ${access.roles.join(', ')}`);
  }
  return actor as ActorFor<A>;
}

/**
 * The caller of a request to a route with this access. Public routes ignore an Authorization they
 * cannot verify (expired, forged, garbage) and answer as to an anonymous caller, as the API
 * document says: a public answer never depends on a credential being good. Other routes answer 401.
 */
export async function callerOf<A extends Access>(access: A, req: NextRequest): Promise<ActorFor<A>> {
  const actor = await actorFromRequest(req).catch((err) => {
    if (access === 'public') return null;
    throw err;
  });
  return checkAccess(access, actor);
}
