import type { Metadata } from 'next';
import { getServerSession } from 'next-auth';
import { AppShell } from '@/components/shell/app-shell';
import { NotFoundPanel } from '@/components/shell/not-found-panel';
import { authOptions } from '@/server/auth/auth-options';

export const metadata: Metadata = { title: 'Page not found' };

// Any unknown address: in the shell with its navigation when signed in, on its own otherwise.
export default async function NotFound() {
  const session = await getServerSession(authOptions);
  if (session) {
    return (
      <AppShell>
        <NotFoundPanel signedIn />
      </AppShell>
    );
  }
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4">
      <NotFoundPanel signedIn={false} />
    </main>
  );
}
