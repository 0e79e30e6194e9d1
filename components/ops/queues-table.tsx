'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { OpsStatus } from '@/components/api/ops-types';
import { Badge } from '@/components/ui/badge';
import { DataTable, DataTableColumnHeader } from '@/components/ui/data-table';
import { type ConsumerStatus, queueStatus, STATUS_TONE } from './consumer-status';
import { formatCount } from './format-count';

type Queue = OpsStatus['queues'][number];

const count = (key: keyof Omit<Queue, 'name'>, title: string, hideBelow?: 'sm' | 'md'): ColumnDef<Queue, any> => ({
  accessorKey: key,
  header: ({ column }) => <DataTableColumnHeader column={column} title={title} />,
  cell: ({ row }) => {
    const n = row.original[key];
    if (n > 0 && key === 'deadLetters') return <Badge tone="danger">{formatCount(n)}</Badge>;
    if (n > 0 && key === 'retrying') return <Badge tone="warning">{formatCount(n)}</Badge>;
    return formatCount(n);
  },
  enableGlobalFilter: false,
  meta: { width: key === 'deadLetters' ? '8.5rem' : '6.5rem', align: 'right', hideBelow, label: title },
});

/** Jobs per context queue: waiting, running, retrying, dead (replay with `npm run jobs:replay-dead`). */
export function QueuesTable({ status }: { status: OpsStatus | undefined }) {
  const columns = useMemo<ColumnDef<Queue, any>[]>(
    () => [
      {
        accessorKey: 'name',
        header: ({ column }) => <DataTableColumnHeader column={column} title="Queue" />,
        cell: ({ row }) => (
          <code className="block truncate font-mono text-sm" title={row.original.name}>
            {row.original.name}
          </code>
        ),
        meta: { rowHeader: true, minWidth: '8rem', label: 'Queue' },
      },
      {
        id: 'status',
        accessorFn: (q) => queueStatus(q),
        header: ({ column }) => <DataTableColumnHeader column={column} title="Status" />,
        cell: ({ getValue }) => <Badge tone={STATUS_TONE[getValue() as ConsumerStatus]}>{getValue() as string}</Badge>,
        enableGlobalFilter: false,
        meta: { width: '6.5rem', hideBelow: 'sm', label: 'Status' },
      },
      count('queued', 'Queued'),
      count('active', 'Active', 'md'),
      count('retrying', 'Retrying', 'md'),
      count('deadLetters', 'Dead letters'),
    ],
    [],
  );
  return (
    <DataTable
      caption="Queues per context"
      urlPrefix="q"
      columns={columns}
      data={status?.queues}
      getRowId={(q) => q.name}
      defaultSort={[{ id: 'name', desc: false }]}
      noun={{ one: 'queue', other: 'queues' }}
      empty={{ title: 'No queues yet', description: 'Queues appear once the worker has started.' }}
    />
  );
}
