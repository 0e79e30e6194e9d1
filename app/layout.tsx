import type { Metadata, Viewport } from 'next';
import { getServerSession } from 'next-auth';
import type { ReactNode } from 'react';
import { authOptions } from '@/server/auth/auth-options';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Quadrant', template: '%s · Quadrant' },
  description: 'Events, on a CQRS platform.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafafb' },
    { media: '(prefers-color-scheme: dark)', color: '#0f1117' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions);
  return (
    // next-themes sets the theme class on <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        <a
          href="#main"
          className="-translate-y-16 fixed top-3 left-4 z-[100] rounded-md bg-background px-4 py-2 font-medium text-foreground text-sm shadow-md ring-2 ring-ring transition-transform focus-visible:translate-y-0"
        >
          Skip to content
        </a>
        <Providers session={session}>{children}</Providers>
      </body>
    </html>
  );
}
