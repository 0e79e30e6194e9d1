import { getServerSession } from 'next-auth';
import type { ReactNode } from 'react';
import { authOptions } from '@/server/auth/auth-options';
import { AppHeader } from '@/components/shell/app-header';
import { RedirectToSignIn } from '@/components/shell/redirect-to-sign-in';

// Signed-in area: the session is checked on the server; signed-out visitors go to /sign-in.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions);
  if (!session) return <RedirectToSignIn />;
  return (
    <>
      <AppHeader />
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
