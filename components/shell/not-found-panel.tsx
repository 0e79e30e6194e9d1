import { ArrowLeft, CalendarDays, Newspaper } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { BreadcrumbTitle } from './breadcrumb-title';

/** "This page does not exist", with ways back; inside the shell for signed-in users, alone otherwise. */
export function NotFoundPanel({ signedIn }: { signedIn: boolean }) {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
      {signedIn ? <BreadcrumbTitle title="Page not found" /> : null}
      <p className="font-mono font-semibold text-primary text-sm">404</p>
      <h1 id="not-found-title" className="font-semibold text-2xl tracking-tight">
        Page not found
      </h1>
      <p className="text-muted-foreground">The address may be mistyped, or what it pointed to has been removed.</p>
      <div className="mt-2 flex flex-wrap justify-center gap-2">
        {signedIn ? (
          <>
            <Button asChild>
              <Link href="/events">
                <CalendarDays aria-hidden="true" />
                Upcoming events
              </Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/social">
                <Newspaper aria-hidden="true" />
                Feed
              </Link>
            </Button>
          </>
        ) : (
          <Button asChild>
            <Link href="/sign-in">
              <ArrowLeft aria-hidden="true" />
              Sign in
            </Link>
          </Button>
        )}
      </div>
    </section>
  );
}
