'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { FeedFilters } from '@/components/api/social-types';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { feedHref } from './feed-href';
import { normalizeTag } from './parse-feed-filters';

type Values = { tag: string; q: string; since: string; until: string };

/**
 * Narrows the feed. The URL is the single source of truth: applying pushes the filters into
 * the search params (so they survive reload, back and sharing) and the page reads them from there.
 * Remount it (key) when the URL changes, so the fields show what is applied.
 */
export function FeedFiltersForm({ filters, onApplied }: { filters: FeedFilters; onApplied?: () => void }) {
  const router = useRouter();
  const [values, setValues] = useState<Values>({
    tag: filters.tag ?? '',
    q: filters.q ?? '',
    since: filters.since ?? '',
    until: filters.until ?? '',
  });
  const [untilError, setUntilError] = useState<string | undefined>();

  const set = (name: keyof Values) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [name]: e.target.value }));
    if (name === 'since' || name === 'until') setUntilError(undefined);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    // Both days are inclusive, so the same day twice is a valid one-day period.
    if (values.since && values.until && values.until < values.since) {
      setUntilError('The end of the period must not be before its start.');
      return;
    }
    router.push(
      feedHref({
        author: filters.author,
        tag: normalizeTag(values.tag) || undefined,
        q: values.q.trim() || undefined,
        since: values.since || undefined,
        until: values.until || undefined,
      }),
    );
    onApplied?.();
  };

  const clear = () => {
    router.push('/social');
    onApplied?.();
  };

  return (
    <form role="search" aria-label="Filter the feed" className="flex flex-col gap-4" onSubmit={apply} noValidate>
      <Field name="tag" label="Tag" value={values.tag} onChange={set('tag')} autoComplete="off" maxLength={31} placeholder="e.g. cqrs" />
      <Field name="q" label="Text contains" type="search" value={values.q} onChange={set('q')} maxLength={100} />
      <div className="grid gap-3 min-[26rem]:grid-cols-2">
        <Field name="since" label="From" type="date" value={values.since} onChange={set('since')} max={values.until || undefined} />
        <Field name="until" label="To" type="date" value={values.until} onChange={set('until')} min={values.since || undefined} />
      </div>
      {untilError ? (
        <p className="-mt-2 text-destructive text-sm" role="alert">
          {untilError}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Apply filters</Button>
        {Object.values(filters).some(Boolean) ? (
          <Button type="button" variant="outline" onClick={clear}>
            Clear all
          </Button>
        ) : null}
      </div>
    </form>
  );
}
