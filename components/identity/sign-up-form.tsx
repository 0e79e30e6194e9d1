'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, NetworkError } from '@/components/api/api-error';
import { useCreateUser } from '@/components/api/use-create-user';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

type Errors = Partial<Record<'email' | 'name' | 'password', string>>;

/** Open sign-up: create the account, then sign in with the same credentials. */
export function SignUpForm() {
  const router = useRouter();
  const createUser = useCreateUser();
  const [values, setValues] = useState({ email: '', name: '', password: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  // A form-level error takes focus, so it is read out and the page does not lose the user.
  useEffect(() => {
    if (formError) errorRef.current?.focus();
  }, [formError]);

  const set = (name: keyof typeof values) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [name]: e.target.value }));
    setErrors((errs) => ({ ...errs, [name]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const found: Errors = {};
    const email = values.email.trim();
    const name = values.name.trim();
    if (!/^\S+@\S+\.\S+$/.test(email)) found.email = 'Enter a valid email address.';
    if (!name) found.name = 'Tell us your name.';
    if (values.password.length < 8) found.password = 'Use at least 8 characters.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    setPending(true);
    try {
      await createUser.submit({ email, name, password: values.password });
    } catch (error) {
      setPending(false);
      if (error instanceof ApiError) {
        if (error.code === 'email-taken') {
          setErrors({ email: 'An account with this email already exists. Sign in instead.' });
        } else if (error.fieldProblems.length > 0) {
          setErrors(error.fieldErrors());
          setFormError(error.detail);
        } else {
          setFormError(error.detail);
        }
      } else {
        setFormError(error instanceof NetworkError ? error.message : 'Something went wrong. Please try again.');
      }
      return;
    }

    const result = await signIn('credentials', { email, password: values.password, redirect: false });
    if (!result?.ok || result.error) {
      // The account exists; only the automatic sign-in failed.
      router.replace('/sign-in');
      return;
    }
    router.replace('/');
    router.refresh();
  };

  return (
    <form className="flex flex-col gap-4" onSubmit={submit} noValidate aria-describedby="sign-up-status">
      <div id="sign-up-status">
        {formError ? (
          <Alert testId="sign-up-error" ref={errorRef} tabIndex={-1}>
            {formError}
          </Alert>
        ) : null}
      </div>
      <Field name="name" label="Name" autoComplete="name" required value={values.name} onChange={set('name')} error={errors.name} maxLength={100} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        value={values.email}
        onChange={set('email')}
        error={errors.email}
        maxLength={320}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={200}
        hint="At least 8 characters."
        value={values.password}
        onChange={set('password')}
        error={errors.password}
      />
      <Button type="submit" loading={pending} className="mt-2 w-full">
        Create account
      </Button>
      <p className="text-center text-muted-foreground text-sm">
        Already have an account?{' '}
        <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
