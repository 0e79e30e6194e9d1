'use client';

import { SearchIcon } from 'lucide-react';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { cn } from './cn';

/**
 * A text box bound to a value kept elsewhere (the URL): typing commits after `delay` ms (or on
 * Enter), and when the value changes from outside (Back, Forward, a reset) the box shows it.
 * Returns the draft, its setter and `flush` (commit now).
 */
export function useSearchDraft(value: string, commit: (next: string) => void, delay = 300) {
  const [draft, setDraft] = useState(value);
  // The last value this box committed or was shown: a URL change to anything else came from outside.
  const known = useRef(value);
  const onCommit = useEffectEvent((next: string) => commit(next));

  useEffect(() => {
    if (value !== known.current) {
      known.current = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => {
    const next = draft.trim();
    if (next === known.current) return;
    const handle = window.setTimeout(() => {
      known.current = next;
      onCommit(next);
    }, delay);
    return () => window.clearTimeout(handle);
  }, [draft, delay]);

  const flush = () => {
    const next = draft.trim();
    if (next === known.current) return;
    known.current = next;
    onCommit(next);
  };

  return [draft, setDraft, flush] as const;
}

type SearchInputProps = {
  id: string;
  /** The committed value (from the URL). */
  value: string;
  onCommit: (next: string) => void;
  /** Accessible name (the label is visually hidden). */
  label: string;
  placeholder?: string;
  maxLength?: number;
  delay?: number;
  className?: string;
};

/** A search box in a `role="search"` form whose text follows the URL (defect 2 of issue 8). */
export function SearchInput({ id, value, onCommit, label, placeholder, maxLength = 100, delay, className }: SearchInputProps) {
  const [draft, setDraft, flush] = useSearchDraft(value, onCommit, delay);
  return (
    <form
      role="search"
      className={cn('relative w-full min-w-0 sm:max-w-xs', className)}
      onSubmit={(event) => {
        event.preventDefault();
        flush();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <SearchIcon aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <input
        id={id}
        type="search"
        className="flex h-9 w-full min-w-0 rounded-md border border-input bg-transparent py-1 pr-3 pl-8 text-base text-foreground shadow-xs outline-none transition-[color,box-shadow] placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 md:text-sm dark:bg-input/30"
        placeholder={placeholder}
        value={draft}
        maxLength={maxLength}
        autoComplete="off"
        onChange={(event) => setDraft(event.target.value)}
      />
    </form>
  );
}
