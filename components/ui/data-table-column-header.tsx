'use client';

import type { Column } from '@tanstack/react-table';
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from 'lucide-react';
import { cn } from './cn';

type DataTableColumnHeaderProps<TData, TValue> = {
  column: Column<TData, TValue>;
  title: string;
  className?: string;
};

/**
 * A header that sorts its column when clicked: a real button (the <th> carries aria-sort), first
 * ascending, then descending, then back to the table's default order.
 */
export function DataTableColumnHeader<TData, TValue>({ column, title, className }: DataTableColumnHeaderProps<TData, TValue>) {
  const right = column.columnDef.meta?.align === 'right';
  if (!column.getCanSort()) return <span className={cn('block truncate', right && 'text-right', className)}>{title}</span>;
  const sorted = column.getIsSorted();
  const Icon = sorted === 'asc' ? ArrowUpIcon : sorted === 'desc' ? ArrowDownIcon : ArrowUpDownIcon;
  const next = sorted === 'asc' ? 'descending' : sorted === 'desc' ? 'default order' : 'ascending';
  return (
    <button
      type="button"
      onClick={column.getToggleSortingHandler()}
      title={`Sort by ${title}: ${next}`}
      className={cn(
        '-mx-2 inline-flex h-8 max-w-[calc(100%+1rem)] items-center gap-1.5 rounded-md px-2 font-medium text-muted-foreground outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50',
        sorted && 'text-foreground',
        right && 'flex-row-reverse',
        className,
      )}
    >
      <span className="truncate">{title}</span>
      <Icon aria-hidden className={cn('size-3.5 shrink-0', !sorted && 'opacity-50')} />
    </button>
  );
}
