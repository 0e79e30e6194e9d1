'use client';

import { useSession } from 'next-auth/react';

export type CurrentUser = { id: string; email: string; name: string; roles: string[] };

/**
 * The signed-in user from the next-auth session, narrowed to our shape
 * (`session.user` = {id, email, name, roles}). Null while loading or signed out.
 */
export function useCurrentUser(): { user: CurrentUser | null; status: 'loading' | 'authenticated' | 'unauthenticated' } {
  const { data, status } = useSession();
  const raw = (data?.user ?? null) as Partial<CurrentUser> | null;
  if (!raw || typeof raw.id !== 'string') return { user: null, status };
  return {
    status,
    user: {
      id: raw.id,
      email: raw.email ?? '',
      name: raw.name ?? raw.email ?? '',
      roles: Array.isArray(raw.roles) ? raw.roles.filter((r): r is string => typeof r === 'string') : [],
    },
  };
}
