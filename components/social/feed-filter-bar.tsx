'use client';

import { SlidersHorizontal, X } from 'lucide-react';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import type { FeedFilters } from '@/components/api/social-types';
import { useProfile } from '@/components/api/use-profile';
import { Button } from '@/components/ui/button';
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from '@/components/ui/sheet';
import { feedHref } from './feed-href';
import { FeedFiltersForm } from './feed-filters-form';

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "2031-01-14" -> "14 Jan 2031" in the viewer's locale (a local calendar day, no zone shift). */
function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}

/** One applied filter: what it is, and a link that removes just it (the URL stays the truth). */
function Chip({ label, removeHref, removeLabel }: { label: ReactNode; removeHref: string; removeLabel: string }) {
  return (
    <li className="inline-flex max-w-full items-center gap-1 rounded-full border bg-secondary py-0.5 pr-0.5 pl-3 text-secondary-foreground text-sm">
      <span className="min-w-0 truncate">{label}</span>
      <Link
        href={removeHref}
        aria-label={removeLabel}
        className="inline-flex size-6 shrink-0 items-center justify-center rounded-full text-muted-foreground no-underline hover:bg-background hover:text-foreground"
      >
        <X aria-hidden="true" className="size-3.5" />
      </Link>
    </li>
  );
}

function AuthorChip({ filters }: { filters: FeedFilters & { author: string } }) {
  const name = useProfile(filters.author).data?.value.name ?? 'one person';
  return <Chip label={`By ${name}`} removeHref={feedHref({ ...filters, author: undefined })} removeLabel={`Remove filter: by ${name}`} />;
}

/**
 * "Filters" opens the four-field form in a sheet (so it takes no room above the posts); what is
 * applied shows as chips, each removable on its own.
 */
export function FeedFilterBar({ filters, children }: { filters: FeedFilters; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const count = Object.values(filters).filter(Boolean).length;
  const without = (key: keyof FeedFilters) => feedHref({ ...filters, [key]: undefined });

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <Sheet open={open} onOpenChange={setOpen}>
          <SheetTrigger asChild>
            <Button variant="outline" size="sm">
              <SlidersHorizontal aria-hidden="true" />
              Filters
              {count > 0 ? (
                <span className="ml-0.5 rounded-full bg-primary px-1.5 text-[0.6875rem] text-primary-foreground tabular-nums">
                  {count}
                  <span className="sr-only"> applied</span>
                </span>
              ) : null}
            </Button>
          </SheetTrigger>
          <SheetContent className="w-[min(24rem,90vw)] overflow-y-auto">
            <SheetHeader className="pr-10">
              <SheetTitle>Filter the feed</SheetTitle>
              <SheetDescription>By tag, words in the text, or a period. Dates are inclusive.</SheetDescription>
            </SheetHeader>
            <div className="px-4 pb-4">
              <FeedFiltersForm key={feedHref(filters)} filters={filters} onApplied={() => setOpen(false)} />
            </div>
          </SheetContent>
        </Sheet>
        {children}
      </div>
      {count > 0 ? (
        <ul className="flex flex-wrap items-center gap-1.5" aria-label="Applied filters">
          {filters.author ? <AuthorChip filters={{ ...filters, author: filters.author }} /> : null}
          {filters.tag ? <Chip label={`#${filters.tag}`} removeHref={without('tag')} removeLabel={`Remove filter: tag ${filters.tag}`} /> : null}
          {filters.q ? <Chip label={`“${filters.q}”`} removeHref={without('q')} removeLabel={`Remove filter: text ${filters.q}`} /> : null}
          {filters.since ? <Chip label={`From ${formatDay(filters.since)}`} removeHref={without('since')} removeLabel="Remove filter: from date" /> : null}
          {filters.until ? <Chip label={`To ${formatDay(filters.until)}`} removeHref={without('until')} removeLabel="Remove filter: to date" /> : null}
          {count > 1 ? (
            <li>
              <Link href="/social" className="px-2 text-muted-foreground text-sm hover:text-foreground">
                Clear all
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
