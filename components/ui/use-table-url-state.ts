'use client';

import type { ColumnFiltersState, PaginationState, SortingState } from '@tanstack/react-table';
import { parseAsArrayOf, parseAsInteger, parseAsString, type UseQueryStatesKeysMap, useQueryStates } from 'nuqs';
import { useCallback, useMemo } from 'react';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export type TableUrlStateOptions = {
  /** Prefixes every key (`ev.q`, `ev.sort`...) so two tables on one page keep their own state. */
  prefix?: string;
  /** Column ids whose facet filters live in the URL (one key per column, values comma-separated). */
  facetColumns?: readonly string[];
  /** Sorting when the URL says nothing. */
  defaultSort?: SortingState;
  defaultPageSize?: number;
};

export type TableUrlState = {
  search: string;
  sorting: SortingState;
  /** Facet filters as TanStack column filters: `{ id, value: string[] }`. */
  columnFilters: ColumnFiltersState;
  pagination: PaginationState;
  setSearch: (q: string) => void;
  setSorting: (sorting: SortingState) => void;
  setFacet: (columnId: string, values: string[]) => void;
  setPagination: (pagination: PaginationState, options?: { history?: 'push' | 'replace' }) => void;
  /** Clears search and facet filters (keeps sorting and page size). */
  resetFilters: () => void;
  /** True when a search or facet filter narrows the rows. */
  filtered: boolean;
};

/** `title` ascending, `-title` descending; a comma list for multi-column sorting. */
export function parseSort(values: readonly string[] | null | undefined): SortingState {
  return (values ?? []).filter((v) => v.replace(/^-/, '') !== '').map((v) => (v.startsWith('-') ? { id: v.slice(1), desc: true } : { id: v, desc: false }));
}

export function serializeSort(sorting: SortingState): string[] {
  return sorting.map((s) => (s.desc ? `-${s.id}` : s.id));
}

function sameSort(a: SortingState, b: SortingState) {
  return a.length === b.length && a.every((s, i) => s.id === b[i]?.id && s.desc === b[i]?.desc);
}

/**
 * A table's search, sorting, facet filters and paging, kept in the URL with nuqs: every change is a
 * history entry, so Back and refresh restore the rows and the controls. Any component that calls
 * this with the same prefix sees the same state (a server-paged list reads it to build its query).
 * The page is 1-based in the URL; a search or filter change returns to the first page.
 */
export function useTableUrlState({ prefix, facetColumns = [], defaultSort = [], defaultPageSize = PAGE_SIZES[0] }: TableUrlStateOptions = {}): TableUrlState {
  const key = useCallback((name: string) => (prefix ? `${prefix}.${name}` : name), [prefix]);
  const facetKey = facetColumns.join('\u0000');

  const parsers = useMemo(() => {
    const map: UseQueryStatesKeysMap = {
      q: parseAsString.withDefault(''),
      sort: parseAsArrayOf(parseAsString).withDefault([]),
      page: parseAsInteger.withDefault(1),
      size: parseAsInteger.withDefault(defaultPageSize),
    };
    for (const id of facetKey ? facetKey.split('\u0000') : []) map[`f:${id}`] = parseAsArrayOf(parseAsString).withDefault([]);
    return map;
  }, [facetKey, defaultPageSize]);

  const urlKeys = useMemo(() => {
    const keys: Record<string, string> = {};
    for (const name of Object.keys(parsers)) keys[name] = key(name.startsWith('f:') ? name.slice(2) : name);
    return keys;
  }, [parsers, key]);

  const [values, setValues] = useQueryStates(parsers, { urlKeys, history: 'push' });

  const search = (values.q as string) ?? '';
  const sortValues = values.sort as string[];
  const urlSorting = useMemo(() => parseSort(sortValues), [sortValues]);
  const sorting = urlSorting.length > 0 ? urlSorting : defaultSort;
  const pageSize = Math.max(1, Math.min(500, (values.size as number) || defaultPageSize));
  const pageIndex = Math.max(0, ((values.page as number) || 1) - 1);

  const columnFilters = useMemo<ColumnFiltersState>(
    () =>
      Object.entries(values)
        .filter(([name, value]) => name.startsWith('f:') && Array.isArray(value) && value.length > 0)
        .map(([name, value]) => ({ id: name.slice(2), value })),
    [values],
  );

  const pagination = useMemo(() => ({ pageIndex, pageSize }), [pageIndex, pageSize]);

  return {
    search,
    sorting,
    columnFilters,
    pagination,
    filtered: search !== '' || columnFilters.length > 0,
    setSearch: (q) => void setValues({ q: q || null, page: null }),
    setSorting: (next) => void setValues({ sort: next.length === 0 || sameSort(next, defaultSort) ? null : serializeSort(next), page: null }),
    setFacet: (columnId, selected) => void setValues({ [`f:${columnId}`]: selected.length ? selected : null, page: null }),
    setPagination: (next, options) =>
      void setValues({ page: next.pageIndex > 0 ? next.pageIndex + 1 : null, size: next.pageSize === defaultPageSize ? null : next.pageSize }, options),
    resetFilters: () => {
      const cleared: Record<string, null> = { q: null, page: null };
      for (const name of Object.keys(parsers)) if (name.startsWith('f:')) cleared[name] = null;
      void setValues(cleared);
    },
  };
}
