import type { Metadata } from 'next';
import { OpsDashboard } from '@/components/ops/ops-dashboard';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Operations' };

export default function OpsPage() {
  return (
    <>
      <PageHeader title="Operations" description="Worker, projection lag, queues and dead letters: now and over the last hour." />
      <OpsDashboard />
    </>
  );
}
