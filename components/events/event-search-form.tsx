'use client';

import { SearchInput } from '@/components/ui/data-table-search';

type EventSearchFormProps = {
  /** The search in the URL (`?q=`): the box shows it, also after Back. */
  value: string;
  onSearch: (q: string) => void;
};

/** Search as you type (debounced) or on Enter; the box follows the URL (issue 8, defect 2). */
export function EventSearchForm({ value, onSearch }: EventSearchFormProps) {
  return (
    <SearchInput
      id="event-search"
      label="Search events"
      placeholder="Search by title, venue or description"
      value={value}
      onCommit={onSearch}
      className="sm:max-w-md"
    />
  );
}
