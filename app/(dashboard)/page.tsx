import type { Metadata } from 'next';
import { HomeDashboard } from '@/components/home/home-dashboard';

export const metadata: Metadata = { title: 'Home' };

// The first page after sign-in: each role's key figures (signed-out visitors go to /sign-in via the layout).
export default function HomePage() {
  return <HomeDashboard />;
}
