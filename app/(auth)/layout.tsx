import type { ReactNode } from 'react';

// Centered card for the signed-out pages.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="auth-page">
      <div className="auth-brand" aria-hidden="true">
        <span className="brand-mark" /> Quadrant
      </div>
      <div className="auth-card">{children}</div>
    </main>
  );
}
