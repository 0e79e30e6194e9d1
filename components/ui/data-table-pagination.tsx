'use client';

import type { Table } from '@tanstack/react-table';
import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon, ChevronsRightIcon } from 'lucide-react';
import { useId } from 'react';
import { Button } from './button';

type DataTablePaginationProps<TData> = {
  table: Table<TData>;
  pageSizes: readonly number[];
  /** What a row is called ("event", "person"); plural adds an "s" unless given. */
  noun?: { one: string; other: string };
};

const pagerButton = 'size-8 p-0';

/** Rows per page, "Page 2 of 5" and first / previous / next / last. */
export function DataTablePagination<TData>({ table, pageSizes, noun = { one: 'row', other: 'rows' } }: DataTablePaginationProps<TData>) {
  const sizeId = useId();
  const { pageIndex, pageSize } = table.getState().pagination;
  const total = table.getFilteredRowModel().rows.length;
  const pageCount = Math.max(1, table.getPageCount());
  const first = total === 0 ? 0 : pageIndex * pageSize + 1;
  const last = Math.min(total, (pageIndex + 1) * pageSize);
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-1 text-muted-foreground text-sm">
      <p aria-live="polite">{total === 0 ? `No ${noun.other}` : `${first}–${last} of ${total} ${total === 1 ? noun.one : noun.other}`}</p>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <div className="flex items-center gap-2">
          <label htmlFor={sizeId} className="whitespace-nowrap">
            Rows per page
          </label>
          <select
            id={sizeId}
            value={pageSize}
            onChange={(event) => table.setPagination({ pageIndex: 0, pageSize: Number(event.target.value) })}
            className="h-8 rounded-md border border-input bg-background px-2 text-foreground text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:bg-input/30"
          >
            {[...new Set([...pageSizes, pageSize])]
              .sort((a, b) => a - b)
              .map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
          </select>
        </div>
        <nav aria-label="Pages" className="flex items-center gap-1">
          <span className="mr-2 whitespace-nowrap">
            Page {Math.min(pageIndex + 1, pageCount)} of {pageCount}
          </span>
          <Button
            variant="outline"
            size="icon-sm"
            className={pagerButton}
            onClick={() => table.setPageIndex(0)}
            disabled={!table.getCanPreviousPage()}
            aria-label="First page"
          >
            <ChevronsLeftIcon aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon-sm"
            className={pagerButton}
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
            aria-label="Previous page"
          >
            <ChevronLeftIcon aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon-sm"
            className={pagerButton}
            onClick={() => table.nextPage()}
            disabled={!table.getCanNextPage()}
            aria-label="Next page"
          >
            <ChevronRightIcon aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon-sm"
            className={pagerButton}
            onClick={() => table.setPageIndex(table.getPageCount() - 1)}
            disabled={!table.getCanNextPage()}
            aria-label="Last page"
          >
            <ChevronsRightIcon aria-hidden />
          </Button>
        </nav>
      </div>
    </div>
  );
}
