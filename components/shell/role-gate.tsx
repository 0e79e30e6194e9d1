'use client';

import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { useCurrentUser } from './use-current-user';

/**
 * Hides a page the user's roles cannot use, with an explanation. A convenience only:
 * the API enforces access on every command and query.
 */
export function RoleGate({ role, children, what }: { role: string; children: ReactNode; what: string }) {
  const { user, status } = useCurrentUser();
  if (status === 'loading') return null;
  if (!user?.roles.includes(role)) {
    return (
      <Alert title="Not available for your account">
        Only {role}s can {what}.
      </Alert>
    );
  }
  return <>{children}</>;
}
