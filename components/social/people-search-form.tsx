'use client';

import { Search, X } from 'lucide-react';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';

type PeopleSearchFormProps = { value: string; onChange: (value: string) => void; busy?: boolean };

/** One search box for names; the directory debounces and narrows as you type. */
export function PeopleSearchForm({ value, onChange, busy = false }: PeopleSearchFormProps) {
  return (
    <form role="search" aria-label="People" className="relative min-w-0 flex-1" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor="people-search" className="sr-only">
        Search people by name
      </label>
      <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        id="people-search"
        type="search"
        className="h-10 pr-10 pl-9 [&::-webkit-search-cancel-button]:hidden"
        placeholder="Search by first or last name…"
        value={value}
        maxLength={50}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
      />
      <span className="absolute top-1/2 right-2 flex -translate-y-1/2 items-center">
        {busy ? (
          <Spinner size="sm" label="" className="mr-1 text-muted-foreground" />
        ) : value ? (
          <button
            type="button"
            aria-label="Clear the search"
            onClick={() => onChange('')}
            className="inline-flex size-7 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground"
          >
            <X aria-hidden="true" className="size-4" />
          </button>
        ) : null}
      </span>
    </form>
  );
}
