'use client';

import { useEffect, useState } from 'react';
import { usePeople } from '@/components/api/use-people';
import { useProjectionState } from '@/components/api/use-projection-state';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { LetterTabs } from './letter-tabs';
import { PeopleSearchForm } from './people-search-form';
import { PersonItem } from './person-item';
import { socialErrorMessage } from './social-error-message';

const SEARCH_DEBOUNCE_MS = 300;

/** "Al" -> "al"; the server's rule is 1..50 characters, compared lowercase. */
function toPrefix(value: string): string {
  return value.trim().toLowerCase().slice(0, 50);
}

/**
 * The people directory: pick a letter, or type the start of a name. Either way it is one
 * prefix, kept in the URL (?prefix=) so the view survives a reload.
 */
export function PeopleDirectory({ initialPrefix }: { initialPrefix: string }) {
  const initial = toPrefix(initialPrefix);
  const initialIsLetter = /^[a-z]$/.test(initial);
  const [letter, setLetter] = useState(initialIsLetter ? initial : null);
  const [search, setSearch] = useState(initialIsLetter ? '' : initial);
  const [typed, setTyped] = useState(initialIsLetter ? '' : initial);
  // Nothing typed or picked: everyone, alphabetically (the server's empty query).
  const prefix = typed || letter || '';

  const query = usePeople(prefix);
  const { updating } = useProjectionState(query.data, 'social');

  useEffect(() => {
    const handle = window.setTimeout(() => setTyped(toPrefix(search)), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(handle);
  }, [search]);

  useEffect(() => {
    const url = new URL(window.location.href);
    if (!prefix) url.searchParams.delete('prefix');
    else url.searchParams.set('prefix', prefix);
    window.history.replaceState(null, '', url);
  }, [prefix]);

  const selectLetter = (next: string) => {
    setLetter(next);
    setSearch('');
    setTyped('');
  };

  const items = query.data?.value.items ?? [];

  return (
    <div className="stack">
      <LetterTabs selected={typed ? null : letter} onSelect={selectLetter} />
      <div className="toolbar">
        <PeopleSearchForm value={search} onChange={setSearch} />
        <UpdatingBadge updating={updating} />
      </div>

      {query.isPending ? (
        <div className="center-block">
          <Spinner label="Loading people…" />
        </div>
      ) : !query.data ? (
        <Alert title="Could not load people">{socialErrorMessage(query.error)}</Alert>
      ) : items.length === 0 ? (
        <EmptyState title={`No one whose name starts with “${typed ? search.trim() : prefix.toUpperCase()}”.`}>
          {typed ? 'Check the spelling, or pick a letter.' : 'Try another letter.'}
        </EmptyState>
      ) : (
        <>
          <p className="visually-hidden" aria-live="polite">
            {items.length} {items.length === 1 ? 'person' : 'people'} shown
          </p>
          <ul className="person-list" aria-label="People" aria-busy={query.isFetching}>
            {items.map((profile) => (
              <PersonItem key={profile.userId} profile={profile} />
            ))}
          </ul>
        </>
      )}
      {query.data && query.isError ? <Alert>{socialErrorMessage(query.error)}</Alert> : null}
    </div>
  );
}
