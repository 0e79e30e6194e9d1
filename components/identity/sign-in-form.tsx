'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
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
  // Bumped on each failed attempt, so the same message twice still moves focus to it.
  const [failures, setFailures] = useState(0);
  const errorRef = useRef<HTMLDivElement>(null);
  const target = safeCallbackUrl(callbackUrl, '/');

  // After a failed attempt, focus goes to the message (read out, and Tab continues to the form),
  // not to the page body.
  useEffect(() => {
    if (failures > 0) errorRef.current?.focus();
  }, [failures]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setPending(true);
    try {
      const result = await signIn('credentials', { email: email.trim(), password, redirect: false });
      if (!result || result.error || !result.ok) {
        setError(signInErrorMessage(result?.error ?? 'failed'));
        setPending(false);
        setFailures((n) => n + 1);
        return;
      }
      router.replace(target);
      router.refresh();
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
      setPending(false);
      setFailures((n) => n + 1);
    }
  };

  return (
    <form className="flex flex-col gap-4" onSubmit={submit} aria-describedby="sign-in-status">
      <div id="sign-in-status" aria-live="assertive">
        {error ? (
          <Alert testId="sign-in-error" ref={errorRef} tabIndex={-1}>
            {error}
          </Alert>
        ) : null}
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
      <Button type="submit" loading={pending} className="mt-2 w-full">
        Sign in
      </Button>
      <p className="text-center text-muted-foreground text-sm">
        New here?{' '}
        <Link href="/sign-up" className="font-medium text-primary underline-offset-4 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
