'use client';

import { useEffect, useEffectEvent, useState } from 'react';

type EventSearchFormProps = { initialQuery: string; onSearch: (q: string) => void };

/** Search as you type (debounced) or on Enter. */
export function EventSearchForm({ initialQuery, onSearch }: EventSearchFormProps) {
  const [value, setValue] = useState(initialQuery);
  const search = useEffectEvent((q: string) => onSearch(q));

  useEffect(() => {
    const handle = window.setTimeout(() => search(value.trim()), 300);
    return () => window.clearTimeout(handle);
  }, [value]);

  return (
    <form
      role="search"
      className="search-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(value.trim());
      }}
    >
      <label htmlFor="event-search" className="visually-hidden">
        Search events
      </label>
      <input
        id="event-search"
        type="search"
        className="input search-input"
        placeholder="Search by title, venue or description"
        value={value}
        maxLength={100}
        onChange={(event) => setValue(event.target.value)}
      />
    </form>
  );
}
