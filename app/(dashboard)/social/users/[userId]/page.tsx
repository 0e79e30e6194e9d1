import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProfilePanel } from '@/components/social/profile-panel';
import { profileExistence } from '@/components/social/social-entity-exists';

export const metadata: Metadata = { title: 'Profile' };

type Props = { params: Promise<{ userId: string }> };

// A malformed or unknown id is the shell's not-found page with HTTP 404, decided on the server.
export default async function ProfilePage({ params }: Props) {
  const { userId } = await params;
  if ((await profileExistence(userId)) === 'missing') notFound();
  return <ProfilePanel userId={userId} />;
}
