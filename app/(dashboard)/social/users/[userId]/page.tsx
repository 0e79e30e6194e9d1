import type { Metadata } from 'next';
import { ProfilePanel } from '@/components/social/profile-panel';

export const metadata: Metadata = { title: 'Profile' };

type Props = { params: Promise<{ userId: string }> };

export default async function ProfilePage({ params }: Props) {
  const { userId } = await params;
  return <ProfilePanel userId={userId} />;
}
