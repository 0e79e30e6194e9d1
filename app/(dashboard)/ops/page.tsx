import type { Metadata } from 'next';
import { OpsStatusBoard } from '@/components/ops/ops-status-board';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Operations' };

export default function OpsPage() {
  return (
    <>
      <PageHeader title="Operations" description="Projectors, reactors, queues per context and the worker, live." />
      <OpsStatusBoard />
    </>
  );
}
