import type { Metadata } from 'next';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/identity/sign-in-form';
import { safeCallbackUrl } from '@/components/shell/safe-callback-url';
import { authOptions } from '@/server/auth/auth-options';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  // Already signed in: go where the link meant to go (home by default).
  if (await getServerSession(authOptions)) redirect(safeCallbackUrl(callbackUrl, '/'));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1 text-center">
        <h1 className="font-semibold text-2xl tracking-tight">Sign in</h1>
        <p className="text-muted-foreground text-sm">Welcome back. Use your work email.</p>
      </div>
      <SignInForm callbackUrl={callbackUrl} initialError={error} />
    </div>
  );
}
