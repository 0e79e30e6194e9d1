import { forbidden, unauthenticated } from '@/server/cqrs/errors';
import type { Access } from '@/server/cqrs/define';
import type { Actor } from '@/server/cqrs/types';

/** The one place a route's declared access is enforced (handlers then narrow by ownership). */
export function checkAccess(access: Access, actor: Actor | null): void {
  if (access === 'public') return;
  if (!actor) throw unauthenticated();
  if (access === 'signed-in') return;
  if (!access.roles.some((role) => actor.roles.includes(role))) {
    throw forbidden(`This needs one of the roles: ${access.roles.join(', ')}`);
  }
}
