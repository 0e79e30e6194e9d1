'use client';

import { CheckIcon, ListFilterIcon } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { cn } from './cn';

export type FacetOption = { value: string; label: string };

type DataTableFacetFilterProps = {
  title: string;
  options: FacetOption[];
  selected: string[];
  onChange: (values: string[]) => void;
  /** Rows per value (from the faceted model), shown beside each option. */
  counts?: Map<unknown, number>;
  /** One value at a time instead of any number. */
  single?: boolean;
};

/** A menu of a column's values: pick one or several to show only the rows that have them. */
export function DataTableFacetFilter({ title, options, selected, onChange, counts, single = false }: DataTableFacetFilterProps) {
  const chosen = new Set(selected);
  const summary =
    selected.length === 0 ? null : selected.length === 1 ? (options.find((o) => o.value === selected[0])?.label ?? selected[0]) : `${selected.length} selected`;
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className={cn(
          'inline-flex h-9 shrink-0 items-center gap-2 rounded-md border border-dashed border-input bg-background px-3 font-medium text-sm shadow-xs outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:bg-input/30',
          selected.length > 0 && 'border-solid',
        )}
      >
        <ListFilterIcon aria-hidden className="size-4 text-muted-foreground" />
        {title}
        {summary ? (
          <>
            <span aria-hidden className="h-4 w-px bg-border" />
            <span className="rounded-sm bg-secondary px-1.5 py-0.5 font-normal text-secondary-foreground text-xs">{summary}</span>
          </>
        ) : null}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={4}
          className="z-50 min-w-48 overflow-hidden rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
        >
          <DropdownMenu.Label className="px-2 py-1.5 font-medium text-muted-foreground text-xs">Filter by {title.toLowerCase()}</DropdownMenu.Label>
          {options.map((option) => (
            <DropdownMenu.CheckboxItem
              key={option.value}
              checked={chosen.has(option.value)}
              onSelect={(event) => event.preventDefault()}
              onCheckedChange={(checked) => {
                if (single) onChange(checked ? [option.value] : []);
                else onChange(checked ? [...selected, option.value] : selected.filter((v) => v !== option.value));
              }}
              className="relative flex cursor-default select-none items-center gap-2 rounded-sm py-1.5 pr-2 pl-8 text-sm outline-none data-[highlighted]:bg-accent data-[highlighted]:text-accent-foreground"
            >
              <span className="absolute left-2 flex size-4 items-center justify-center rounded-sm border border-input">
                <DropdownMenu.ItemIndicator>
                  <CheckIcon aria-hidden className="size-3" />
                </DropdownMenu.ItemIndicator>
              </span>
              <span className="flex-1">{option.label}</span>
              {counts ? <span className="ml-4 font-mono text-muted-foreground text-xs tabular-nums">{counts.get(option.value) ?? 0}</span> : null}
            </DropdownMenu.CheckboxItem>
          ))}
          {selected.length > 0 ? (
            <>
              <DropdownMenu.Separator className="-mx-1 my-1 h-px bg-border" />
              <DropdownMenu.Item
                onSelect={() => onChange([])}
                className="flex cursor-default select-none justify-center rounded-sm px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-accent"
              >
                Clear filter
              </DropdownMenu.Item>
            </>
          ) : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
