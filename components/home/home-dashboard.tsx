'use client';

import { ActivityIcon, CalendarCheckIcon, CalendarDaysIcon, GaugeIcon, PercentIcon, TicketIcon, UserCheckIcon, UsersIcon } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { FeedFilters } from '@/components/api/social-types';
import { useFeed } from '@/components/api/use-feed';
import { useMyRegistrations } from '@/components/api/use-my-registrations';
import { useOpsStatus } from '@/components/api/use-ops-status';
import { useOrganizedEvents } from '@/components/api/use-organized-events';
import { useProfile } from '@/components/api/use-profile';
import { formatCount } from '@/components/ops/format-count';
import { formatLag, opsFigures } from '@/components/ops/ops-figures';
import type { CurrentUser } from '@/components/shell/use-current-user';
import { useCurrentUser } from '@/components/shell/use-current-user';
import { Skeleton } from '@/components/ui/skeleton';
import { StatCard } from '@/components/ui/stat-card';
import { organizerFigures, upcomingRegistrations } from './home-figures';

const when = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
const formatWhen = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : when.format(ms);
};
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const NO_FILTERS: FeedFilters = {};

const hasRole = (user: CurrentUser, role: string) => user.roles.includes(role);

/** The first page after sign-in: a greeting and, per role, the figures that matter, each linking to its page. */
export function HomeDashboard() {
  const { user } = useCurrentUser();
  if (!user) {
    return (
      <div className="flex flex-col gap-6" aria-busy="true">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-32 w-full" />
      </div>
    );
  }
  const firstName = user.name.split(/\s+/)[0] || user.name;
  return (
    <div className="flex min-w-0 flex-col gap-8">
      <header className="flex flex-col gap-1">
        <h1 className="break-words font-semibold text-2xl tracking-tight [overflow-wrap:anywhere]">Welcome back, {firstName}</h1>
        <p className="text-muted-foreground">Here is what needs your attention today.</p>
      </header>
      {hasRole(user, 'admin') ? <AdminSection /> : null}
      {hasRole(user, 'organizer') ? <OrganizerSection /> : null}
      <AttendeeSection />
      <SocialSection user={user} />
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`home-${id}`} className="flex min-w-0 flex-col gap-3">
      <h2 id={`home-${id}`} className="font-semibold text-lg">
        {title}
      </h2>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">{children}</div>
    </section>
  );
}

function AttendeeSection() {
  const query = useMyRegistrations();
  const items = query.data ? upcomingRegistrations(query.data.value.items, Date.now()) : undefined;
  const next = items?.[0];
  const failed = query.isError && !query.data;
  return (
    <Section id="attending" title="Attending">
      <StatCard
        testId="home-next-event"
        label="Your next event"
        icon={<CalendarCheckIcon />}
        href={next ? `/events/${encodeURIComponent(next.eventId)}` : '/events'}
        linkLabel={next ? 'Open the event' : 'Find an event'}
        value={failed ? 'Unavailable' : items === undefined ? undefined : next ? next.title : 'Nothing booked'}
        hint={next ? `${formatWhen(next.startsAt)}${next.venue ? ` · ${next.venue}` : ''}` : items ? 'Browse upcoming events and save a seat.' : undefined}
      />
      <StatCard
        testId="home-upcoming-registrations"
        label="Upcoming registrations"
        icon={<TicketIcon />}
        href="/my/registrations"
        linkLabel="My registrations"
        value={failed ? 'Unavailable' : items === undefined ? undefined : formatCount(items.length)}
        hint={items ? (items.length === 1 ? 'seat held' : 'seats held') : undefined}
      />
    </Section>
  );
}

function OrganizerSection() {
  const query = useOrganizedEvents();
  const f = query.data ? organizerFigures(query.data.value.items, Date.now()) : undefined;
  const failed = query.isError && !query.data;
  return (
    <Section id="organizing" title="Organizing">
      <StatCard
        testId="home-my-events"
        label="Your events"
        icon={<CalendarDaysIcon />}
        href="/organizer"
        linkLabel="My events"
        value={failed ? 'Unavailable' : f ? formatCount(f.upcoming) : undefined}
        hint={f ? `upcoming, of ${formatCount(f.total)} in all` : undefined}
      />
      <StatCard
        testId="home-total-registrations"
        label="Total registrations"
        icon={<UsersIcon />}
        href="/organizer"
        linkLabel="My events"
        value={failed ? 'Unavailable' : f ? formatCount(f.registrations) : undefined}
        hint={f ? 'seats taken across your events' : undefined}
      />
      <StatCard
        testId="home-next-fill-rate"
        label="Next event's fill rate"
        icon={<PercentIcon />}
        href={f?.next ? `/events/${encodeURIComponent(f.next.eventId)}/attendees` : '/events/new'}
        linkLabel={f?.next ? 'See who registered' : 'Create an event'}
        tone={f?.next && f.next.fillRate >= 1 ? 'success' : 'default'}
        value={failed ? 'Unavailable' : f ? (f.next ? percent.format(f.next.fillRate) : 'No event ahead') : undefined}
        hint={
          f?.next
            ? `${f.next.title} · ${f.next.registeredCount} of ${f.next.capacity} seats · ${formatWhen(f.next.startsAt)}`
            : f
              ? 'Plan your next one.'
              : undefined
        }
      />
    </Section>
  );
}

function SocialSection({ user }: { user: CurrentUser }) {
  const profile = useProfile(user.id);
  const feed = useFeed(NO_FILTERS);
  const p = profile.data?.value;
  const posts = feed.data?.pages[0]?.value.items.slice(0, 3);
  const profileHref = `/social/users/${encodeURIComponent(user.id)}`;
  return (
    <Section id="social" title="Social">
      <StatCard
        testId="home-followers"
        label="Followers"
        icon={<UsersIcon />}
        href={profileHref}
        linkLabel="My profile"
        value={profile.isError && !p ? 'Unavailable' : p ? formatCount(p.followerCount) : undefined}
        hint={p ? `${formatCount(p.postCount)} ${p.postCount === 1 ? 'post' : 'posts'} written` : undefined}
      />
      <StatCard
        testId="home-following"
        label="Following"
        icon={<UserCheckIcon />}
        href="/social/people"
        linkLabel="Find people"
        value={profile.isError && !p ? 'Unavailable' : p ? formatCount(p.followingCount) : undefined}
        hint={p ? 'people whose posts fill your feed' : undefined}
      />
      <section
        aria-labelledby="home-newest"
        data-testid="home-newest-posts"
        className="flex min-w-0 flex-col gap-3 rounded-xl border bg-card p-5 text-card-foreground shadow-xs sm:col-span-2 xl:col-span-1"
      >
        <h3 id="home-newest" className="font-medium text-muted-foreground text-sm">
          Newest in your feed
        </h3>
        {posts === undefined ? (
          feed.isError ? (
            <p className="text-muted-foreground text-sm">The feed could not be loaded.</p>
          ) : (
            <div aria-busy="true" className="flex flex-col gap-3">
              <span className="sr-only">Loading the feed…</span>
              <Skeleton className="h-10 w-full" />
              <Skeleton className="h-10 w-full" />
              <Skeleton className="h-10 w-full" />
            </div>
          )
        ) : posts.length === 0 ? (
          <p className="text-muted-foreground text-sm">Nothing yet: follow people to fill your feed.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {posts.map((post) => (
              <li key={post.postId} className="min-w-0">
                <Link
                  href={`/social/posts/${encodeURIComponent(post.postId)}`}
                  className="block rounded-md text-sm no-underline outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
                  <span className="font-medium">{post.author.name}</span>
                  <span className="line-clamp-2 text-muted-foreground [overflow-wrap:anywhere]">{post.text}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Link href="/social" className="mt-auto font-medium text-primary text-sm underline-offset-4 hover:underline">
          Open the feed
        </Link>
      </section>
    </Section>
  );
}

function AdminSection() {
  const query = useOpsStatus(5000);
  const f = query.data ? opsFigures(query.data.value) : undefined;
  const failed = query.isError && !query.data;
  return (
    <Section id="operations" title="Operations">
      <StatCard
        testId="home-worker"
        label="Worker"
        icon={<ActivityIcon />}
        href="/ops"
        linkLabel="Open Ops"
        tone={f ? (f.workerAlive ? 'success' : 'danger') : 'default'}
        value={failed ? 'Unavailable' : f ? (f.workerAlive ? 'Alive' : 'Not responding') : undefined}
        hint={f ? `${f.workerInstances} ${f.workerInstances === 1 ? 'instance' : 'instances'} · ${formatCount(f.deadLetters)} dead letters` : undefined}
      />
      <StatCard
        testId="home-max-lag"
        label="Max projection lag"
        icon={<GaugeIcon />}
        href="/ops"
        linkLabel="Open Ops"
        tone={f?.maxLag && f.maxLag.lagEvents > 0 ? 'warning' : 'default'}
        value={failed ? 'Unavailable' : f ? (f.maxLag ? formatLag(f.maxLag.lagMs) : '–') : undefined}
        hint={f?.maxLag ? `${f.maxLag.name} · ${formatCount(f.maxLag.lagEvents)} events behind` : undefined}
      />
    </Section>
  );
}
