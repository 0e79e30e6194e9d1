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
    { media: '(prefers-color-scheme: light)', color: '#f7f8fa' },
    { media: '(prefers-color-scheme: dark)', color: '#111418' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions);
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <Providers session={session}>{children}</Providers>
      </body>
    </html>
  );
}
