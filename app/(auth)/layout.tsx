import type { ReactNode } from 'react';
import { BrandMark } from '@/components/shell/brand';

// Centered card for the signed-out pages.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main
      id="main"
      className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted/40 px-4 py-10 [background-image:radial-gradient(ellipse_at_top,color-mix(in_oklab,var(--primary)_10%,transparent),transparent_60%)]"
    >
      <div className="flex items-center gap-2 font-semibold text-foreground text-lg">
        <BrandMark />
        Quadrant
      </div>
      <div className="w-full max-w-sm rounded-xl border bg-card p-6 text-card-foreground shadow-sm sm:p-8">{children}</div>
      <p className="max-w-sm text-center text-muted-foreground text-xs">Events, social, procurement and cards on one CQRS platform.</p>
    </main>
  );
}
