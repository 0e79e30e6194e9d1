'use client';

import {
  type ColumnDef,
  type FilterFn,
  flexRender,
  functionalUpdate,
  getCoreRowModel,
  getFacetedRowModel,
  getFacetedUniqueValues,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  type RowData,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { type ReactNode, useEffect, useId, useMemo } from 'react';
import { Button } from './button';
import { cn } from './cn';
import { DataTablePagination } from './data-table-pagination';
import { type DataTableFacet, type DataTableSearchOptions, DataTableToolbar } from './data-table-toolbar';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from './table';
import { PAGE_SIZES, useTableUrlState } from './use-table-url-state';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Declared width (`12rem`, `96px`); a column without one takes what is left. Widths never follow content. */
    width?: string;
    /** For a column without `width`: the least it keeps before the table scrolls in its box (default 12rem). */
    minWidth?: string;
    align?: 'left' | 'right' | 'center';
    /** Hidden on narrow screens, shown from this breakpoint up. */
    hideBelow?: 'sm' | 'md' | 'lg';
    /** Plain-text name of the column (for menus and screen readers when the header is an element). */
    label?: string;
    /** Cells of this column are the row's header (<th scope="row">), e.g. the title. */
    rowHeader?: boolean;
    /** Extra classes for this column's cells. */
    cellClassName?: string;
  }
}

export type { DataTableFacet, DataTableSearchOptions } from './data-table-toolbar';
export type { RowAction } from './data-table-row-actions';
export { actionsColumn } from './data-table-row-actions';
export { DataTableColumnHeader } from './data-table-column-header';

type EmptyContent = { title: string; description?: ReactNode; action?: ReactNode };

/** The server pages the rows (keyset cursor): the table shows what is loaded and a "Load more". */
export type ServerPaging = { hasMore: boolean; onLoadMore: () => void; loadingMore?: boolean };

export type DataTableProps<TData> = {
  columns: ColumnDef<TData, any>[];
  /** `undefined` while loading (skeleton rows). */
  data: TData[] | undefined;
  getRowId?: (row: TData) => string;
  /** Accessible name of the table (a visually hidden caption). */
  caption: string;
  /** Prefix of this table's URL keys, so two tables on one page keep their own state. */
  urlPrefix?: string;
  search?: DataTableSearchOptions;
  facets?: DataTableFacet[];
  /** Order when the URL names none (and where "remove sorting" returns to). */
  defaultSort?: SortingState;
  pageSizes?: readonly number[];
  defaultPageSize?: number;
  /** Shows skeleton rows (also shown while `data` is undefined). */
  loading?: boolean;
  skeletonRows?: number;
  /** Refetching in the background: the table is marked busy, rows stay. */
  busy?: boolean;
  /** When there are no rows at all. */
  empty: EmptyContent;
  /** When filters hide every row; default "No matching rows" with a Reset button. */
  emptyFiltered?: EmptyContent;
  /** Server-side paging, sorting and filtering: the caller reads `useTableUrlState` (same prefix) to query. */
  server?: ServerPaging;
  /** Below this width the table scrolls inside its box (the page never does); default: the columns' widths added up. */
  minWidth?: string;
  /** What a row is called, for "1–10 of 42 events". */
  noun?: { one: string; other: string };
  /** Extra toolbar content, at its end (a badge, a button). */
  toolbar?: ReactNode;
  className?: string;
};

/** Scalar cell value among the chosen facet values (TanStack's own `arrIncludesSome` wants arrays in rows). */
const facetFilter: FilterFn<any> = (row, columnId, selected: string[]) => !selected?.length || selected.includes(String(row.getValue(columnId)));

const HIDE_CELL = { sm: 'hidden sm:table-cell', md: 'hidden md:table-cell', lg: 'hidden lg:table-cell' } as const;
const HIDE_COL = { sm: 'hidden sm:table-column', md: 'hidden md:table-column', lg: 'hidden lg:table-column' } as const;
const ALIGN = { left: 'text-left', right: 'text-right tabular-nums', center: 'text-center' } as const;

/** "12rem" -> 12, "96px" -> 6 (at 16 px), anything else -> 0. */
function remOf(width: string | undefined): number {
  const m = /^([\d.]+)(rem|px)$/.exec(width ?? '');
  if (!m) return 0;
  return m[2] === 'px' ? Number(m[1]) / 16 : Number(m[1]);
}

function columnId<TData>(column: ColumnDef<TData, any>): string | undefined {
  if (column.id) return column.id;
  return 'accessorKey' in column && typeof column.accessorKey === 'string' ? column.accessorKey : undefined;
}

/**
 * A table on TanStack Table whose search, facet filters, sorting and page live in the URL (nuqs),
 * with fixed, declared column widths (a long unbroken title wraps inside its column instead of
 * pushing the others out), skeleton rows, empty states and per-row menus (`actionsColumn`).
 * Client-side by default; `server` switches to rows the server already searched, sorted and paged.
 */
export function DataTable<TData>({
  columns,
  data,
  getRowId,
  caption,
  urlPrefix,
  search,
  facets,
  defaultSort,
  pageSizes = PAGE_SIZES,
  defaultPageSize,
  loading = false,
  skeletonRows = 5,
  busy = false,
  empty,
  emptyFiltered,
  server,
  minWidth,
  noun,
  toolbar,
  className,
}: DataTableProps<TData>) {
  const id = useId();
  const facetColumns = useMemo(() => (facets ?? []).map((f) => f.columnId), [facets]);
  const state = useTableUrlState({ prefix: urlPrefix, facetColumns, defaultSort, defaultPageSize: defaultPageSize ?? pageSizes[0] });
  const searchColumns = search?.columns;

  const tableColumns = useMemo(
    () => columns.map((c) => (facetColumns.includes(columnId(c) ?? '') && !c.filterFn ? ({ ...c, filterFn: facetFilter } as ColumnDef<TData, any>) : c)),
    [columns, facetColumns],
  );

  const rows = data ?? [];
  const table = useReactTable<TData>({
    data: rows,
    columns: tableColumns,
    getRowId,
    state: {
      sorting: state.sorting,
      globalFilter: server ? undefined : state.search,
      columnFilters: server ? [] : state.columnFilters,
      pagination: server ? { pageIndex: 0, pageSize: Math.max(rows.length, 1) } : state.pagination,
    },
    onSortingChange: (updater) => state.setSorting(functionalUpdate(updater, state.sorting)),
    onPaginationChange: (updater) => state.setPagination(functionalUpdate(updater, state.pagination)),
    globalFilterFn: 'includesString',
    getColumnCanGlobalFilter: searchColumns ? (column) => searchColumns.includes(column.id) : undefined,
    autoResetPageIndex: false,
    getCoreRowModel: getCoreRowModel(),
    ...(server
      ? { manualSorting: true, manualFiltering: true, manualPagination: true }
      : {
          getSortedRowModel: getSortedRowModel(),
          getFilteredRowModel: getFilteredRowModel(),
          getPaginationRowModel: getPaginationRowModel(),
          getFacetedRowModel: getFacetedRowModel(),
          getFacetedUniqueValues: getFacetedUniqueValues(),
        }),
  });

  // A page past the end (rows went away, or an old link): show the last page, without a history entry.
  const pageCount = table.getPageCount();
  const { pageIndex, pageSize } = state.pagination;
  const outOfRange = !server && data !== undefined && pageIndex > 0 && pageIndex >= pageCount;
  useEffect(() => {
    if (outOfRange) state.setPagination({ pageIndex: Math.max(0, pageCount - 1), pageSize }, { history: 'replace' });
  }, [outOfRange, pageCount, pageSize, state.setPagination]);

  const leafColumns = table.getVisibleLeafColumns();
  // Fixed layout gives declared widths first; the flexible columns keep at least their minWidth.
  const tableMinWidth =
    minWidth ??
    `${leafColumns.reduce((sum, c) => sum + (c.columnDef.meta?.width ? remOf(c.columnDef.meta.width) : remOf(c.columnDef.meta?.minWidth ?? '12rem')), 0)}rem`;
  const visibleRows = table.getRowModel().rows;
  const showSkeleton = loading || data === undefined;

  return (
    <div className={cn('flex min-w-0 flex-col gap-3', className)}>
      <DataTableToolbar table={table} id={id} state={state} search={search} facets={facets} showCounts={!server}>
        {toolbar}
      </DataTableToolbar>

      <Table className="table-fixed" style={{ minWidth: tableMinWidth }} aria-busy={showSkeleton || busy || undefined}>
        <TableCaption className="sr-only">{caption}</TableCaption>
        <colgroup>
          {leafColumns.map((column) => {
            const meta = column.columnDef.meta;
            return (
              <col key={column.id} style={meta?.width ? { width: meta.width } : undefined} className={meta?.hideBelow ? HIDE_COL[meta.hideBelow] : undefined} />
            );
          })}
        </colgroup>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id} className="hover:bg-transparent">
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sorted = header.column.getIsSorted();
                return (
                  <TableHead
                    key={header.id}
                    scope="col"
                    colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                    aria-sort={header.column.getCanSort() ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
                    className={cn('overflow-hidden', meta?.align && ALIGN[meta.align], meta?.hideBelow && HIDE_CELL[meta.hideBelow])}
                  >
                    {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                  </TableHead>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {showSkeleton ? (
            Array.from({ length: skeletonRows }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have nothing else to key on
              <TableRow key={i} aria-hidden className="hover:bg-transparent">
                {leafColumns.map((column) => (
                  <TableCell key={column.id} className={cn(column.columnDef.meta?.hideBelow && HIDE_CELL[column.columnDef.meta.hideBelow])}>
                    <div className="h-4 max-w-full animate-pulse rounded bg-muted" style={{ width: `${55 + ((i * 17 + column.getIndex() * 23) % 40)}%` }} />
                  </TableCell>
                ))}
              </TableRow>
            ))
          ) : visibleRows.length === 0 ? (
            <TableRow className="hover:bg-transparent">
              <TableCell colSpan={leafColumns.length} className="h-32 text-center">
                <EmptyBlock
                  {...(rows.length > 0 || state.filtered
                    ? (emptyFiltered ?? {
                        title: `No matching ${noun?.other ?? 'rows'}`,
                        description: 'Try another search, or clear the filters.',
                        action: (
                          <Button variant="outline" size="sm" onClick={state.resetFilters}>
                            Clear filters
                          </Button>
                        ),
                      })
                    : empty)}
                />
              </TableCell>
            </TableRow>
          ) : (
            visibleRows.map((row) => (
              <TableRow key={row.id}>
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  const classes = cn(
                    'min-w-0 [overflow-wrap:anywhere]',
                    meta?.align && ALIGN[meta.align],
                    meta?.hideBelow && HIDE_CELL[meta.hideBelow],
                    meta?.cellClassName,
                  );
                  const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                  return meta?.rowHeader ? (
                    <th key={cell.id} scope="row" className={cn('px-3 py-2 text-left align-middle font-medium', classes)}>
                      {content}
                    </th>
                  ) : (
                    <TableCell key={cell.id} className={classes}>
                      {content}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>

      {showSkeleton ? null : server ? (
        server.hasMore ? (
          <div className="flex justify-center">
            <Button variant="outline" loading={server.loadingMore} onClick={server.onLoadMore}>
              Load more
            </Button>
          </div>
        ) : rows.length > 0 ? (
          <p className="text-center text-muted-foreground text-sm">
            All {rows.length} {rows.length === 1 ? (noun?.one ?? 'row') : (noun?.other ?? 'rows')} shown.
          </p>
        ) : null
      ) : rows.length > 0 ? (
        <DataTablePagination table={table} pageSizes={pageSizes} noun={noun} />
      ) : null}
    </div>
  );
}

function EmptyBlock({ title, description, action }: EmptyContent) {
  return (
    <div className="mx-auto flex max-w-sm flex-col items-center gap-1 py-4">
      <p className="font-medium text-foreground">{title}</p>
      {description ? <div className="text-muted-foreground text-sm">{description}</div> : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
