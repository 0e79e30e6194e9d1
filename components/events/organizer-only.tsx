'use client';

import type { ReactNode } from 'react';
import { useCurrentUser } from '@/components/shell/use-current-user';

/**
 * Renders its children only for organizers: no "New event" for people who cannot create one
 * (issue 8, defect 9). Nothing while the session loads, so it never flashes in and out.
 */
export function OrganizerOnly({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const { user } = useCurrentUser();
  return <>{user?.roles.includes('organizer') ? children : fallback}</>;
}
