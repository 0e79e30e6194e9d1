'use client';

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Session } from 'next-auth';
import { SessionProvider } from 'next-auth/react';
import { ThemeProvider } from 'next-themes';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { useState, type ReactNode } from 'react';
import { ApiError } from '@/components/api/api-error';
import { Toaster } from '@/components/ui/sonner';
import { TooltipProvider } from '@/components/ui/tooltip';

function onUnauthorized(error: unknown) {
  // The session expired mid-use: send the user to sign in and bring them back afterwards.
  if (error instanceof ApiError && error.status === 401 && typeof window !== 'undefined') {
    const here = `${window.location.pathname}${window.location.search}`;
    if (!here.startsWith('/sign-in')) {
      window.location.assign(`/sign-in?callbackUrl=${encodeURIComponent(here)}`);
    }
  }
}

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onUnauthorized }),
    mutationCache: new MutationCache({ onError: onUnauthorized }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // 4xx answers are final; retry only transient failures.
        retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
    },
  });
}

export function Providers({ session, children }: { session: Session | null; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    // Theme: a class on <html> (light, dark or the system's), switched without transitions flashing.
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      <SessionProvider session={session} refetchOnWindowFocus={false}>
        <QueryClientProvider client={queryClient}>
          {/* Tables keep sorting, filters and paging in the URL. */}
          <NuqsAdapter>
            <TooltipProvider>{children}</TooltipProvider>
          </NuqsAdapter>
          <Toaster richColors closeButton />
        </QueryClientProvider>
      </SessionProvider>
    </ThemeProvider>
  );
}
