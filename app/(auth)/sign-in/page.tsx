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
  if (await getServerSession(authOptions)) redirect(safeCallbackUrl(callbackUrl));
  return (
    <>
      <h1 className="auth-title">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} initialError={error} />
    </>
  );
}
