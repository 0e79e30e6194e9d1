'use client';

import { ApiError } from '@/components/api/api-error';
import { useProfile } from '@/components/api/use-profile';
import { useProjectionState } from '@/components/api/use-projection-state';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { FollowButton } from './follow-button';
import { ProfileCounts } from './profile-counts';
import { socialErrorMessage } from './social-error-message';
import { UserPosts } from './user-posts';

/** A person's page: name, counts, follow, and their posts. */
export function ProfilePanel({ userId }: { userId: string }) {
  const query = useProfile(userId);
  const { updating } = useProjectionState(query.data, 'social');

  if (query.isPending) {
    return (
      <div className="center-block">
        <Spinner label="Loading profile…" />
      </div>
    );
  }
  if (!query.data) {
    const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return notFound ? (
      <EmptyState title="Person not found" action={<ButtonLink href="/social/people">Browse people</ButtonLink>}>
        The link may be wrong, or the account no longer exists.
      </EmptyState>
    ) : (
      <Alert title="Could not load this profile">{socialErrorMessage(query.error)}</Alert>
    );
  }

  const profile = query.data.value;
  return (
    <div className="stack">
      <PageHeader
        title={profile.name}
        actions={
          <>
            <UpdatingBadge updating={updating} />
            {profile.isMe ? <Badge tone="info">You</Badge> : <FollowButton profile={profile} />}
          </>
        }
      />
      <ProfileCounts profile={profile} />
      {query.isError ? <Alert tone="warning">Could not refresh: {socialErrorMessage(query.error)}</Alert> : null}
      <section className="stack" aria-labelledby="profile-posts-heading">
        <h2 id="profile-posts-heading">Posts</h2>
        <UserPosts userId={profile.userId} name={profile.name} />
      </section>
    </div>
  );
}
