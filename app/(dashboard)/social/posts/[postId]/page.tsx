import type { Metadata } from 'next';
import { PostDetailsPanel } from '@/components/social/post-details-panel';

export const metadata: Metadata = { title: 'Post' };

type Props = { params: Promise<{ postId: string }> };

export default async function PostPage({ params }: Props) {
  const { postId } = await params;
  return <PostDetailsPanel postId={postId} />;
}
