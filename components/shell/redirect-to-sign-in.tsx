'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { Spinner } from '@/components/ui/spinner';

/** Rendered instead of a dashboard page when signed out: go to /sign-in and come back after. */
export function RedirectToSignIn() {
  const router = useRouter();
  const pathname = usePathname();

  useEffect(() => {
    const back = `${pathname}${window.location.search}`;
    router.replace(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  }, [pathname, router]);

  return (
    <div className="grid min-h-[60vh] place-items-center">
      <Spinner label="Redirecting to sign in…" />
    </div>
  );
}
