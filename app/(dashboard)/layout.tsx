import { getServerSession } from 'next-auth';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { RedirectToSignIn } from '@/components/shell/redirect-to-sign-in';
import { authOptions } from '@/server/auth/auth-options';

// Signed-in area: the session is checked on the server; signed-out visitors go to /sign-in.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions);
  if (!session) return <RedirectToSignIn />;
  return <AppShell>{children}</AppShell>;
}
