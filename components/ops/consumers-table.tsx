'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { OpsStatus } from '@/components/api/ops-types';
import { Badge } from '@/components/ui/badge';
import { DataTable, DataTableColumnHeader } from '@/components/ui/data-table';
import { type ConsumerStatus, consumerStatus, STATUS_TONE } from './consumer-status';
import { formatAge } from './format-age';
import { formatCount } from './format-count';
import { LastErrorCell } from './last-error-cell';

type Consumer = OpsStatus['projections'][number] & { kind: 'Projection' | 'Reactor' };

const KIND_OPTIONS = [
  { value: 'Projection', label: 'Projection' },
  { value: 'Reactor', label: 'Reactor' },
];
const STATUS_OPTIONS = (['Healthy', 'Behind', 'Failing'] as const).map((s) => ({ value: s, label: s }));

/** Projectors and reactors: status, checkpoint, lag, applied, dead letters of their queue, last error. */
export function ConsumersTable({ status, now }: { status: OpsStatus | undefined; now: number }) {
  const data = useMemo(
    () =>
      status
        ? [...status.projections.map((c) => ({ ...c, kind: 'Projection' as const })), ...status.reactors.map((c) => ({ ...c, kind: 'Reactor' as const }))]
        : undefined,
    [status],
  );
  const columns = useMemo<ColumnDef<Consumer, any>[]>(
    () => [
      {
        accessorKey: 'name',
        header: ({ column }) => <DataTableColumnHeader column={column} title="Consumer" />,
        cell: ({ row }) => (
          <div className="min-w-0">
            <code className="block truncate font-mono text-sm" title={row.original.name}>
              {row.original.name}
            </code>
            <span className="block truncate font-normal text-muted-foreground text-xs">queue {row.original.queue}</span>
          </div>
        ),
        meta: { rowHeader: true, minWidth: '12rem', label: 'Consumer' },
      },
      {
        accessorKey: 'kind',
        header: ({ column }) => <DataTableColumnHeader column={column} title="Kind" />,
        enableGlobalFilter: false,
        meta: { width: '7.5rem', hideBelow: 'md', label: 'Kind' },
      },
      {
        id: 'status',
        accessorFn: (c) => consumerStatus(c, now),
        header: ({ column }) => <DataTableColumnHeader column={column} title="Status" />,
        cell: ({ getValue }) => <Badge tone={STATUS_TONE[getValue() as ConsumerStatus]}>{getValue() as string}</Badge>,
        enableGlobalFilter: false,
        meta: { width: '7rem', label: 'Status' },
      },
      {
        id: 'lag',
        accessorKey: 'lagEvents',
        header: ({ column }) => <DataTableColumnHeader column={column} title="Lag" />,
        cell: ({ row }) => {
          const c = row.original;
          if (c.lagEvents === 0) return <span className="text-muted-foreground">none</span>;
          return (
            <span className="block">
              {formatCount(c.lagEvents)} {c.lagEvents === 1 ? 'event' : 'events'}
              <span className="block text-muted-foreground text-xs">{formatCount(c.lagMs)} ms behind</span>
            </span>
          );
        },
        enableGlobalFilter: false,
        meta: { width: '7.5rem', align: 'right', label: 'Lag' },
      },
      {
        id: 'checkpoint',
        accessorKey: 'checkpoint',
        header: 'Checkpoint',
        enableSorting: false,
        enableGlobalFilter: false,
        cell: ({ row }) => (
          <span className="block min-w-0">
            <code className="block truncate font-mono text-xs" title={row.original.checkpoint}>
              {row.original.checkpoint}
            </code>
            <span className="block truncate text-muted-foreground text-xs">updated {formatAge(row.original.updatedAt, now)}</span>
          </span>
        ),
        meta: { width: '9rem', hideBelow: 'lg', label: 'Checkpoint' },
      },
      {
        accessorKey: 'applied',
        header: ({ column }) => <DataTableColumnHeader column={column} title="Applied" />,
        cell: ({ row }) => formatCount(row.original.applied),
        enableGlobalFilter: false,
        meta: { width: '6.5rem', align: 'right', hideBelow: 'lg', label: 'Applied' },
      },
      {
        accessorKey: 'deadLetters',
        header: ({ column }) => <DataTableColumnHeader column={column} title="Dead letters" />,
        cell: ({ row }) =>
          row.original.deadLetters > 0 ? <Badge tone="danger">{formatCount(row.original.deadLetters)}</Badge> : formatCount(row.original.deadLetters),
        enableGlobalFilter: false,
        meta: { width: '8.5rem', align: 'right', hideBelow: 'sm', label: 'Dead letters' },
      },
      {
        id: 'lastError',
        accessorKey: 'lastError',
        header: 'Last error',
        enableSorting: false,
        cell: ({ row }) => <LastErrorCell error={row.original.lastError} at={row.original.lastErrorAt} now={now} />,
        meta: { width: '12rem', hideBelow: 'md', label: 'Last error' },
      },
    ],
    [now],
  );

  return (
    <DataTable
      caption="Projectors and reactors"
      urlPrefix="c"
      columns={columns}
      data={data}
      getRowId={(c) => `${c.kind}:${c.name}`}
      search={{ label: 'Search consumers by name or error', placeholder: 'Search consumers…', columns: ['name', 'lastError'] }}
      facets={[
        { columnId: 'status', title: 'Status', options: STATUS_OPTIONS },
        { columnId: 'kind', title: 'Kind', options: KIND_OPTIONS },
      ]}
      defaultSort={[{ id: 'lag', desc: true }]}
      noun={{ one: 'consumer', other: 'consumers' }}
      empty={{ title: 'No projectors or reactors registered', description: 'Start the worker: it registers its consumers as it starts.' }}
    />
  );
}
