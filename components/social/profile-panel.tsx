'use client';

import { useProfile } from '@/components/api/use-profile';
import { useProjectionState } from '@/components/api/use-projection-state';
import { useBreadcrumbTitle } from '@/components/shell/breadcrumb-title';
import { Alert } from '@/components/ui/alert';
import { InitialsAvatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { FollowButton } from './follow-button';
import { ProfileCounts } from './profile-counts';
import { socialErrorMessage } from './social-error-message';
import { UserPosts } from './user-posts';
import { QueryErrorAlert } from '@/components/ui/query-error-alert';

/**
 * A person's page: avatar, name, key figures (posts, followers, following), follow, and their
 * posts. The page checked on the server that the person exists (404 otherwise).
 */
export function ProfilePanel({ userId }: { userId: string }) {
  const query = useProfile(userId);
  const { updating } = useProjectionState(query.data, 'social');
  useBreadcrumbTitle(query.data?.value.name);

  if (query.isPending) {
    return (
      <div className="flex w-full max-w-2xl flex-col gap-4" role="status" aria-label="Loading profile…">
        <div className="flex items-center gap-4 rounded-xl border bg-card p-5">
          <Skeleton className="size-16 rounded-full" />
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className="h-7 w-48" />
            <Skeleton className="h-4 w-32" />
          </div>
        </div>
      </div>
    );
  }
  if (!query.data) {
    return (
      <div className="w-full max-w-2xl">
        <QueryErrorAlert title="Could not load this profile" message={socialErrorMessage(query.error)} query={query} />
      </div>
    );
  }

  const profile = query.data.value;
  return (
    <div className="flex w-full max-w-2xl flex-col gap-6">
      <Card className="gap-5">
        <div className="flex flex-wrap items-center gap-4">
          <InitialsAvatar name={profile.name} className="size-14 text-lg sm:size-16 [&_[data-slot=avatar-fallback]]:text-lg" />
          <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
            <h1 className="break-words font-semibold text-2xl tracking-tight [overflow-wrap:anywhere]">{profile.name}</h1>
            {profile.isMe ? <Badge tone="info">You</Badge> : null}
            <UpdatingBadge updating={updating} />
          </div>
          {profile.isMe ? null : <FollowButton profile={profile} />}
        </div>
        <ProfileCounts profile={profile} />
      </Card>
      {query.isError ? <Alert tone="warning">Could not refresh: {socialErrorMessage(query.error)}</Alert> : null}
      <section aria-labelledby="profile-posts-heading">
        <UserPosts
          userId={profile.userId}
          name={profile.name}
          isMe={profile.isMe}
          heading={
            <h2 id="profile-posts-heading" className="font-semibold text-lg">
              Posts
            </h2>
          }
        />
      </section>
    </div>
  );
}
