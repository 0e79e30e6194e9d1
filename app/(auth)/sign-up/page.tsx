import type { Metadata } from 'next';
import { SignUpForm } from '@/components/identity/sign-up-form';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage() {
  return (
    <>
      <h1 className="auth-title">Create an account</h1>
      <SignUpForm />
    </>
  );
}
