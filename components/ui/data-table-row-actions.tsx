'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { EllipsisIcon } from 'lucide-react';
import Link from 'next/link';
import { DropdownMenu } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from './cn';

export type RowAction = {
  label: string;
  /** A link (navigation) ... */
  href?: string;
  /** ... or an action. */
  onSelect?: () => void;
  icon?: ReactNode;
  destructive?: boolean;
  disabled?: boolean;
};

const itemClass =
  'relative flex cursor-default select-none items-center gap-2 rounded-sm px-2 py-1.5 text-popover-foreground text-sm no-underline outline-none data-[disabled]:pointer-events-none data-[highlighted]:bg-accent data-[highlighted]:text-accent-foreground data-[disabled]:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground';

/** The "⋯" menu of one row. `label` names the row for screen readers ("Actions for <title>"). */
export function DataTableRowActions({ label, items }: { label: string; items: RowAction[] }) {
  if (items.length === 0) return null;
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={label}
        title={label}
        className="inline-flex size-8 items-center justify-center rounded-md text-muted-foreground outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 data-[state=open]:bg-accent"
      >
        <EllipsisIcon aria-hidden className="size-4" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-50 min-w-40 overflow-hidden rounded-md border bg-popover p-1 text-popover-foreground shadow-md data-[state=closed]:animate-out data-[state=open]:animate-in"
        >
          {items.map((item) =>
            item.href && !item.disabled ? (
              <DropdownMenu.Item key={item.label} asChild className={cn(itemClass, item.destructive && 'text-destructive')}>
                <Link href={item.href}>
                  {item.icon}
                  {item.label}
                </Link>
              </DropdownMenu.Item>
            ) : (
              <DropdownMenu.Item
                key={item.label}
                disabled={item.disabled}
                onSelect={item.onSelect}
                className={cn(itemClass, item.destructive && 'text-destructive data-[highlighted]:text-destructive')}
              >
                {item.icon}
                {item.label}
              </DropdownMenu.Item>
            ),
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/**
 * A last column with each row's menu: header "Actions" for screen readers only (inside the
 * table's scroll box), a fixed narrow width, never sortable or searchable.
 */
export function actionsColumn<TData>(getItems: (row: TData) => RowAction[], rowLabel: (row: TData) => string): ColumnDef<TData> {
  return {
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => <DataTableRowActions label={`Actions for ${rowLabel(row.original)}`} items={getItems(row.original)} />,
    enableSorting: false,
    enableGlobalFilter: false,
    enableHiding: false,
    meta: { width: '3.5rem', align: 'right', label: 'Actions' },
  };
}
