'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { EyeIcon, PencilIcon, UsersIcon } from 'lucide-react';
import Link from 'next/link';
import { useMemo } from 'react';
import type { OrganizedEvent } from '@/components/api/event-types';
import { useOrganizedEvents } from '@/components/api/use-organized-events';
import { useProjectionState } from '@/components/api/use-projection-state';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button-link';
import { actionsColumn, DataTable, DataTableColumnHeader } from '@/components/ui/data-table';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { eventErrorMessage } from './event-error-message';

type Status = 'Scheduled' | 'Past' | 'Deleted';

const STATUS_TONE: Record<Status, BadgeTone> = { Scheduled: 'success', Past: 'neutral', Deleted: 'danger' };

function statusOf(event: OrganizedEvent, now: number): Status {
  if (event.status === 'deleted') return 'Deleted';
  return Date.parse(event.startsAt) < now ? 'Past' : 'Scheduled';
}

/** "Tue, 14 Jan 2031" over "18:30 CET": the viewer's locale and zone, the zone named (issue 8, defect 8). */
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

const eventHref = (event: OrganizedEvent) => `/events/${encodeURIComponent(event.eventId)}`;

function useColumns(now: number) {
  return useMemo<ColumnDef<OrganizedEvent, any>[]>(
    () => [
      {
        accessorKey: 'title',
        header: ({ column }) => <DataTableColumnHeader column={column} title="Title" />,
        cell: ({ row }) => {
          const event = row.original;
          return (
            <div className="min-w-0">
              <Link
                href={eventHref(event)}
                title={event.title}
                className="line-clamp-2 font-medium text-foreground underline-offset-4 [overflow-wrap:anywhere] hover:underline"
              >
                {event.title}
              </Link>
              {event.venue ? (
                <span className="block truncate font-normal text-muted-foreground text-xs" title={event.venue}>
                  {event.venue}
                </span>
              ) : null}
            </div>
          );
        },
        sortingFn: 'text',
        meta: { rowHeader: true, minWidth: '14rem', label: 'Title' },
      },
      {
        id: 'starts',
        accessorFn: (event) => Date.parse(event.startsAt),
        header: ({ column }) => <DataTableColumnHeader column={column} title="Starts" />,
        cell: ({ row }) => {
          const startsAt = row.original.startsAt;
          const date = new Date(startsAt);
          if (Number.isNaN(date.getTime())) return startsAt;
          const day = dayFormat.format(date);
          const time = timeFormat.format(date);
          return (
            <time dateTime={startsAt} className="block min-w-0" title={`${day}, ${time}`}>
              <span className="block truncate">{day}</span>
              <span className="block truncate text-muted-foreground text-xs">{time}</span>
            </time>
          );
        },
        enableGlobalFilter: false,
        sortDescFirst: false,
        meta: { width: '11rem', label: 'Starts' },
      },
      {
        id: 'registered',
        accessorKey: 'registeredCount',
        header: ({ column }) => <DataTableColumnHeader column={column} title="Registered" />,
        cell: ({ row }) => (
          <span>
            {row.original.registeredCount}
            <span className="text-muted-foreground"> / {row.original.capacity}</span>
          </span>
        ),
        enableGlobalFilter: false,
        meta: { width: '7.5rem', align: 'right', label: 'Registered' },
      },
      {
        id: 'seatsLeft',
        accessorKey: 'seatsLeft',
        header: ({ column }) => <DataTableColumnHeader column={column} title="Seats left" />,
        enableGlobalFilter: false,
        meta: { width: '7rem', align: 'right', hideBelow: 'md', label: 'Seats left' },
      },
      {
        id: 'status',
        accessorFn: (event) => statusOf(event, now),
        header: ({ column }) => <DataTableColumnHeader column={column} title="Status" />,
        cell: ({ getValue }) => {
          const status = getValue() as Status;
          return <Badge tone={STATUS_TONE[status]}>{status}</Badge>;
        },
        enableGlobalFilter: false,
        meta: { width: '7.5rem', label: 'Status' },
      },
      actionsColumn<OrganizedEvent>(
        (event) => [
          { label: 'View', href: eventHref(event), icon: <EyeIcon aria-hidden /> },
          ...(event.status === 'deleted' ? [] : [{ label: 'Edit', href: `${eventHref(event)}/edit`, icon: <PencilIcon aria-hidden /> }]),
          { label: 'Attendees', href: `${eventHref(event)}/attendees`, icon: <UsersIcon aria-hidden /> },
        ],
        (event) => event.title,
      ),
    ],
    [now],
  );
}

const STATUS_OPTIONS = (['Scheduled', 'Past', 'Deleted'] as const).map((s) => ({ value: s, label: s }));

/**
 * The organizer's own events, past and deleted included, as a table: search by title, filter by
 * status, sort by any column, paged; all of it in the URL.
 */
export function OrganizedEvents() {
  const query = useOrganizedEvents();
  const { updating } = useProjectionState(query.data);
  // "Past" is judged once per load, so a row does not change status (and order) while you look.
  const now = query.dataUpdatedAt || 0;
  const columns = useColumns(now);

  if (query.isError && !query.data) return <Alert title="Could not load your events">{eventErrorMessage(query.error)}</Alert>;

  return (
    <DataTable
      caption="Events you organize"
      columns={columns}
      data={query.data?.value.items}
      getRowId={(event) => event.eventId}
      search={{ label: 'Search your events by title', placeholder: 'Search by title…', columns: ['title'] }}
      facets={[{ columnId: 'status', title: 'Status', options: STATUS_OPTIONS }]}
      defaultSort={[{ id: 'starts', desc: true }]}
      busy={query.isFetching}
      noun={{ one: 'event', other: 'events' }}
      toolbar={<UpdatingBadge updating={updating} />}
      empty={{
        title: 'You have not organized any events yet.',
        description: 'Create one and it shows up here with its registrations.',
        action: (
          <ButtonLink href="/events/new" variant="primary">
            Create your first event
          </ButtonLink>
        ),
      }}
    />
  );
}
