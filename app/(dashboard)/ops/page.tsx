import type { Metadata } from 'next';
import { OpsStatusBoard } from '@/components/ops/ops-status-board';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Operations' };

export default function OpsPage() {
  return (
    <>
      <PageHeader title="Operations" description="Projection lag, dead letters, queues and the worker, live." />
      <OpsStatusBoard />
    </>
  );
}
