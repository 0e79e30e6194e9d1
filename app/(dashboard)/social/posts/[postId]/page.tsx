import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostDetailsPanel } from '@/components/social/post-details-panel';
import { postExistence } from '@/components/social/social-entity-exists';

export const metadata: Metadata = { title: 'Post' };

type Props = { params: Promise<{ postId: string }> };

// A malformed or unknown id is the shell's not-found page with HTTP 404, decided on the server.
export default async function PostPage({ params }: Props) {
  const { postId } = await params;
  if ((await postExistence(postId)) === 'missing') notFound();
  return <PostDetailsPanel postId={postId} />;
}
