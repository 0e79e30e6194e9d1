import type { Metadata } from 'next';
import { MyRegistrationsList } from '@/components/events/my-registrations-list';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'My registrations' };

export default function MyRegistrationsPage() {
  return (
    <>
      <PageHeader title="My registrations" description="Events you registered for, the next one first." />
      <MyRegistrationsList />
    </>
  );
}
