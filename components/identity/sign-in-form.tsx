'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { safeCallbackUrl } from '@/components/shell/safe-callback-url';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { signInErrorMessage } from './sign-in-error-message';

export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(signInErrorMessage(initialError));
  const [pending, setPending] = useState(false);
  const target = safeCallbackUrl(callbackUrl);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setPending(true);
    try {
      const result = await signIn('credentials', { email: email.trim(), password, redirect: false });
      if (!result || result.error || !result.ok) {
        setError(signInErrorMessage(result?.error ?? 'failed'));
        setPending(false);
        return;
      }
      router.replace(target);
      router.refresh();
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
      setPending(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-describedby="sign-in-status">
      <div id="sign-in-status" aria-live="assertive">
        {error ? <Alert testId="sign-in-error">{error}</Alert> : null}
      </div>
      <Field name="email" label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Button type="submit" loading={pending} className="btn-block">
        Sign in
      </Button>
      <p className="muted small center-text">
        New here? <Link href="/sign-up">Create an account</Link>
      </p>
    </form>
  );
}
