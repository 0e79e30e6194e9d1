'use client';

import type { QueryClient } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { clearConsistencyTokens } from '@/components/api/consistency-store';

/**
 * Ends the session and goes to sign in on the host the user is on. `signOut({ callbackUrl })`
 * resolves the callback against NEXTAUTH_URL, which sends people on 127.0.0.1 to localhost;
 * a relative navigation after `redirect: false` keeps the host.
 */
export async function signOutHere(queryClient: QueryClient) {
  // Another user may sign in on this tab: drop their cached reads and tokens.
  queryClient.clear();
  clearConsistencyTokens();
  await signOut({ redirect: false });
  window.location.assign('/sign-in');
}
