import type { Metadata } from 'next';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/identity/sign-up-form';
import { authOptions } from '@/server/auth/auth-options';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage() {
  // A signed-in user has an account already.
  if (await getServerSession(authOptions)) redirect('/');
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1 text-center">
        <h1 className="font-semibold text-2xl tracking-tight">Create an account</h1>
        <p className="text-muted-foreground text-sm">Register for events and join the conversation.</p>
      </div>
      <SignUpForm />
    </div>
  );
}
