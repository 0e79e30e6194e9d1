'use client';

import type { Table } from '@tanstack/react-table';
import { XIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from './button';
import { DataTableFacetFilter, type FacetOption } from './data-table-facet-filter';
import { SearchInput } from './data-table-search';
import type { TableUrlState } from './use-table-url-state';

export type DataTableFacet = {
  columnId: string;
  title: string;
  /** The values to offer; by default the column's distinct values, as they are. */
  options?: FacetOption[];
  single?: boolean;
};

export type DataTableSearchOptions = {
  /** Accessible name of the box ("Search events"). */
  label: string;
  placeholder?: string;
  /** Column ids the text is matched against (client-side); default: every column that holds text. */
  columns?: string[];
};

type DataTableToolbarProps<TData> = {
  table: Table<TData>;
  id: string;
  state: TableUrlState;
  search?: DataTableSearchOptions;
  facets?: DataTableFacet[];
  /** Counts per facet value are shown only when the rows are all in the browser. */
  showCounts: boolean;
  children?: ReactNode;
};

/** Search box, facet filters, "Reset" when anything narrows the rows, and the caller's extras. */
export function DataTableToolbar<TData>({ table, id, state, search, facets = [], showCounts, children }: DataTableToolbarProps<TData>) {
  if (!search && facets.length === 0 && !children) return null;
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
      {search ? (
        <SearchInput id={`${id}-search`} value={state.search} onCommit={state.setSearch} label={search.label} placeholder={search.placeholder} />
      ) : null}
      {facets.map((facet) => {
        const column = table.getColumn(facet.columnId);
        const counts = showCounts ? column?.getFacetedUniqueValues() : undefined;
        const options =
          facet.options ??
          [...(counts?.keys() ?? [])]
            .map(String)
            .sort()
            .map((value) => ({ value, label: value }));
        const selected = (state.columnFilters.find((f) => f.id === facet.columnId)?.value as string[] | undefined) ?? [];
        return (
          <DataTableFacetFilter
            key={facet.columnId}
            title={facet.title}
            options={options}
            selected={selected}
            single={facet.single}
            counts={counts}
            onChange={(values) => state.setFacet(facet.columnId, values)}
          />
        );
      })}
      {state.filtered ? (
        <Button variant="ghost" size="sm" onClick={state.resetFilters}>
          Reset
          <XIcon aria-hidden />
        </Button>
      ) : null}
      {children ? <div className="ml-auto flex items-center gap-2">{children}</div> : null}
    </div>
  );
}
