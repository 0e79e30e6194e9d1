'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { ApiError } from '@/components/api/api-error';
import type { Attendee, AttendeeStatus, EventDetails } from '@/components/api/event-types';
import { useEvent } from '@/components/api/use-event';
import { useProjectionState } from '@/components/api/use-projection-state';
import { useRegistrationsByDay } from '@/components/api/use-registrations-by-day';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartCard } from '@/components/charts/chart-card';
import { useBreadcrumbTitle } from '@/components/shell/breadcrumb-title';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button-link';
import { DataTable, DataTableColumnHeader } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { UpdatingBadge } from '@/components/ui/updating-badge';
import { eventErrorMessage } from './event-error-message';
import { formatEventDay, formatEventRange, formatEventTime } from './format-event-date';
import { MAX_LOADED_ATTENDEES, useAllAttendees } from './use-all-attendees';
import { QueryErrorAlert } from '@/components/ui/query-error-alert';

const STATUS: Record<AttendeeStatus, { label: string; tone: BadgeTone }> = {
  registered: { label: 'Registered', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
  'event-deleted': { label: 'Event deleted', tone: 'warning' },
};
const STATUS_OPTIONS = (Object.keys(STATUS) as AttendeeStatus[]).map((value) => ({ value, label: STATUS[value].label }));

function When({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-muted-foreground">—</span>;
  return (
    <time dateTime={iso} className="block min-w-0" title={`${formatEventDay(iso)}, ${formatEventTime(iso)}`}>
      <span className="block truncate">{formatEventDay(iso)}</span>
      <span className="block truncate text-muted-foreground text-xs">{formatEventTime(iso)}</span>
    </time>
  );
}

const columns: ColumnDef<Attendee, any>[] = [
  {
    accessorKey: 'name',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Name" />,
    cell: ({ row }) => {
      const s = STATUS[row.original.status];
      return (
        <div className="flex min-w-0 flex-col items-start gap-1">
          <span className="line-clamp-2 font-medium">{row.original.name}</span>
          {/* On phones the Status column is hidden: the badge sits under the name. */}
          <Badge tone={s.tone} className="sm:hidden" aria-hidden>
            {s.label}
          </Badge>
        </div>
      );
    },
    sortingFn: 'text',
    meta: { rowHeader: true, minWidth: '8rem', label: 'Name' },
  },
  {
    id: 'registeredAt',
    accessorFn: (a) => Date.parse(a.registeredAt),
    header: ({ column }) => <DataTableColumnHeader column={column} title="Registered at" />,
    cell: ({ row }) => <When iso={row.original.registeredAt} />,
    enableGlobalFilter: false,
    sortDescFirst: true,
    meta: { width: '9.5rem', label: 'Registered at' },
  },
  {
    accessorKey: 'status',
    header: ({ column }) => <DataTableColumnHeader column={column} title="Status" />,
    cell: ({ row }) => {
      const s = STATUS[row.original.status];
      return <Badge tone={s.tone}>{s.label}</Badge>;
    },
    enableGlobalFilter: false,
    meta: { width: '8.5rem', hideBelow: 'sm', label: 'Status' },
  },
  {
    id: 'cancelledAt',
    accessorFn: (a) => (a.cancelledAt ? Date.parse(a.cancelledAt) : 0),
    header: ({ column }) => <DataTableColumnHeader column={column} title="Cancelled at" />,
    cell: ({ row }) => <When iso={row.original.cancelledAt} />,
    enableGlobalFilter: false,
    sortDescFirst: true,
    meta: { width: '10.5rem', hideBelow: 'md', label: 'Cancelled at' },
  },
];

function Figure({ label, value, hint, testId }: { label: string; value: number | string; hint?: string; testId: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1 rounded-xl border bg-card p-4 shadow-xs">
      <dt className="text-muted-foreground text-sm">{label}</dt>
      <dd className="font-semibold text-2xl tabular-nums tracking-tight" data-testid={testId}>
        {value}
      </dd>
      {hint ? <dd className="text-muted-foreground text-xs">{hint}</dd> : null}
    </div>
  );
}

function KeyFigures({ event, cancellations }: { event: EventDetails | undefined; cancellations: number | undefined }) {
  if (!event) {
    return (
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-hidden>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24 rounded-xl" />
        ))}
      </div>
    );
  }
  const deleted = event.status === 'deleted';
  const pct = Math.round((event.registeredCount / Math.max(1, event.capacity)) * 100);
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="Key figures">
      <Figure label="Registered" value={event.registeredCount} hint={deleted ? 'Before it was deleted' : `${pct}% of capacity`} testId="figure-registered" />
      <Figure label="Capacity" value={event.capacity} testId="figure-capacity" />
      <Figure
        label="Seats left"
        value={deleted ? '—' : event.seatsLeft}
        hint={deleted ? 'Event deleted' : event.seatsLeft <= 0 ? 'Full' : undefined}
        testId="figure-seats-left"
      />
      <Figure label="Cancellations" value={cancellations ?? '…'} testId="figure-cancellations" />
    </dl>
  );
}

/**
 * Who registered for an event, for its organizer (issue 8, defect 3): key figures, registrations
 * per day, and a table of every attendee (name, when, status, when cancelled) to search by name,
 * filter by status, sort and page, all kept in the URL.
 */
export function EventAttendees({ eventId }: { eventId: string }) {
  const event = useEvent(eventId);
  const attendees = useAllAttendees(eventId);
  const byDay = useRegistrationsByDay(eventId);
  const { updating } = useProjectionState(attendees.data?.pages[0]);
  useBreadcrumbTitle(event.data?.value.title);

  const rows = useMemo(() => attendees.data?.pages.flatMap((p) => p.value.items), [attendees.data]);
  const total = attendees.data?.pages[0]?.value.total;
  const days = byDay.data?.value.registrationsByDay;
  const cancellations = useMemo(
    () => (rows && !attendees.hasNextPage ? rows.filter((a) => a.status === 'cancelled').length : days?.reduce((n, d) => n + d.cancelled, 0)),
    [rows, days, attendees.hasNextPage],
  );

  const ev = event.data?.value;
  const eventHref = `/events/${encodeURIComponent(eventId)}`;
  const forbidden = attendees.error instanceof ApiError && attendees.error.status === 403;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Attendees"
        description={
          ev ? <span className="[overflow-wrap:anywhere]">{`${ev.title} · ${formatEventRange(ev.startsAt, ev.endsAt)}`}</span> : 'Who registered, and when.'
        }
        actions={
          <>
            <UpdatingBadge updating={updating} />
            <ButtonLink href={eventHref} variant="outline">
              Back to event
            </ButtonLink>
          </>
        }
      />

      {forbidden ? (
        <Alert title="Only the organizer sees who registered">{eventErrorMessage(attendees.error)}</Alert>
      ) : (
        <>
          <KeyFigures event={ev} cancellations={cancellations} />

          <ChartCard
            title="Registrations per day"
            description="New registrations and cancellations per day (UTC)."
            loading={byDay.isPending}
            error={byDay.isError && !days ? eventErrorMessage(byDay.error) : undefined}
            empty={days?.every((d) => d.registered === 0 && d.cancelled === 0)}
            emptyTitle="No registrations yet"
            emptyDescription="Registrations appear here day by day."
            height={220}
          >
            {days ? (
              <BarChart
                title="Registrations per day"
                data={days}
                xKey="day"
                xType="day"
                height={220}
                series={[
                  { key: 'registered', label: 'Registered' },
                  { key: 'cancelled', label: 'Cancelled', color: 'var(--chart-4)' },
                ]}
              />
            ) : null}
          </ChartCard>

          {attendees.isError && !rows ? (
            <QueryErrorAlert title="Could not load the attendees" message={eventErrorMessage(attendees.error)} query={attendees} />
          ) : (
            <section aria-labelledby="attendee-list-heading" className="flex min-w-0 flex-col gap-3">
              <div className="flex items-baseline justify-between gap-2">
                <h2 id="attendee-list-heading" className="font-semibold">
                  Attendee list
                </h2>
                {total !== undefined ? (
                  <span className="text-muted-foreground text-sm tabular-nums">
                    {total} {total === 1 ? 'person' : 'people'}
                    {total > MAX_LOADED_ATTENDEES ? ` (first ${MAX_LOADED_ATTENDEES.toLocaleString('en')} shown)` : ''}
                  </span>
                ) : null}
              </div>
              <DataTable
                caption="Attendees"
                urlPrefix="at"
                columns={columns}
                data={rows}
                getRowId={(a) => a.userId}
                search={{ label: 'Search attendees by name', placeholder: 'Search by name…', columns: ['name'] }}
                facets={[{ columnId: 'status', title: 'Status', options: STATUS_OPTIONS }]}
                defaultSort={[{ id: 'registeredAt', desc: true }]}
                busy={attendees.isFetching}
                noun={{ one: 'attendee', other: 'attendees' }}
                empty={{ title: 'Nobody has registered yet.', description: 'Share the event page; registrations show up here as they happen.' }}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}
