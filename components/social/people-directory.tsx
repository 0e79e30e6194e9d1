'use client';

import { Search, UsersRound } from 'lucide-react';
import { useEffect, useState } from 'react';
import { usePeople } from '@/components/api/use-people';
import { useProjectionState } from '@/components/api/use-projection-state';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { PeopleSearchForm } from './people-search-form';
import { PersonItem } from './person-item';
import { socialErrorMessage } from './social-error-message';
import { QueryErrorAlert } from '@/components/ui/query-error-alert';

const SEARCH_DEBOUNCE_MS = 250;
const PAGE_SIZE = 30;

/** What the server compares: trimmed, at most 50 characters (its rule); case does not matter. */
function toSearch(value: string): string {
  return value.trim().replace(/\s+/g, ' ').slice(0, 50);
}

function PersonSkeleton() {
  return (
    <li className="flex items-center gap-3 px-4 py-3" aria-hidden="true">
      <Skeleton className="size-10 rounded-full" />
      <div className="flex flex-1 flex-col gap-1.5">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-3 w-56" />
      </div>
      <Skeleton className="h-8 w-24" />
    </li>
  );
}

type PageProps = { q: string; cursor: string | null; last: boolean; onMore: (cursor: string) => void };

/** One page of the directory (its own query, so follow changes patch it in the cache). */
function PeoplePageItems({ q, cursor, last, onMore }: PageProps) {
  const query = usePeople(q, { limit: PAGE_SIZE, cursor });
  if (query.isPending) {
    return (
      <>
        <PersonSkeleton />
        <PersonSkeleton />
        <PersonSkeleton />
      </>
    );
  }
  if (!query.data) {
    return (
      <li className="p-4">
        <QueryErrorAlert title="Could not load more people" message={socialErrorMessage(query.error)} query={query} />
      </li>
    );
  }
  const { items, nextCursor } = query.data.value;
  return (
    <>
      {items.map((person) => (
        <PersonItem key={person.userId} person={person} />
      ))}
      {last && nextCursor ? (
        <li className="flex justify-center p-3">
          <Button variant="outline" onClick={() => onMore(nextCursor)}>
            Show more people
          </Button>
        </li>
      ) : null}
    </>
  );
}

/**
 * The people directory: everyone, alphabetically, narrowed by one search box that matches the
 * start of any word of a name, in any case ("lee" finds Sam Lee, "sa le" too). The search is kept
 * in the URL (?q=) so the view survives a reload. Each person shows their email, which tells
 * namesakes apart, and a Follow button.
 */
export function PeopleDirectory({ initialSearch }: { initialSearch: string }) {
  const [search, setSearch] = useState(initialSearch);
  const [q, setQ] = useState(toSearch(initialSearch));
  const [cursors, setCursors] = useState<(string | null)[]>([null]);

  const first = usePeople(q, { limit: PAGE_SIZE, cursor: null });
  const { updating } = useProjectionState(first.data, 'social');

  useEffect(() => {
    const handle = window.setTimeout(() => {
      const next = toSearch(search);
      setQ((current) => {
        if (current !== next) setCursors([null]);
        return next;
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(handle);
  }, [search]);

  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.delete('prefix');
    if (!q) url.searchParams.delete('q');
    else url.searchParams.set('q', q);
    window.history.replaceState(window.history.state, '', url);
  }, [q]);

  const items = first.data?.value.items ?? [];
  const searching = first.isFetching && first.isPlaceholderData;

  return (
    <div className="flex w-full max-w-3xl flex-col gap-4">
      <div className="relative flex">
        <PeopleSearchForm value={search} onChange={setSearch} busy={searching} />
        <span className="absolute right-0 bottom-full mb-1">
          <UpdatingBadge updating={updating} />
        </span>
      </div>

      {first.isPending ? (
        <ul className="divide-y rounded-xl border bg-card" aria-label="Loading people…" aria-busy="true">
          <PersonSkeleton />
          <PersonSkeleton />
          <PersonSkeleton />
          <PersonSkeleton />
        </ul>
      ) : !first.data ? (
        <QueryErrorAlert title="Could not load people" message={socialErrorMessage(first.error)} query={first} />
      ) : items.length === 0 ? (
        <EmptyState icon={q ? <Search /> : <UsersRound />} title={q ? `No one matches “${q}”.` : 'No one here yet.'}>
          {q ? 'Search matches the start of any word of a name: try fewer letters, or a first or last name.' : null}
        </EmptyState>
      ) : (
        <>
          <p className="sr-only" aria-live="polite">
            {q ? `${items.length}${first.data.value.nextCursor ? ' or more' : ''} ${items.length === 1 ? 'person matches' : 'people match'}` : ''}
          </p>
          <ul className="divide-y overflow-hidden rounded-xl border bg-card" aria-label="People" aria-busy={first.isFetching}>
            {cursors.map((cursor, i) => (
              <PeoplePageItems
                key={cursor ?? 'first'}
                q={q}
                cursor={cursor}
                last={i === cursors.length - 1}
                onMore={(next) => setCursors((list) => (list.includes(next) ? list : [...list, next]))}
              />
            ))}
          </ul>
        </>
      )}
      {first.data && first.isError ? <Alert>{socialErrorMessage(first.error)}</Alert> : null}
    </div>
  );
}
