import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

/** The event page's shape while it loads: title, meta line, the About and Seats cards. */
export function EventDetailsSkeleton() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <span className="sr-only" role="status">
        Loading event…
      </span>
      <div className="flex flex-col gap-3">
        <Skeleton className="h-8 w-2/3 max-w-lg" />
        <Skeleton className="h-4 w-1/2 max-w-sm" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card>
          <Skeleton className="h-5 w-24" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-5/6" />
          <Skeleton className="h-4 w-2/3" />
        </Card>
        <Card>
          <Skeleton className="h-5 w-20" />
          <Skeleton className="h-10 w-16" />
          <Skeleton className="h-2 w-full" />
          <Skeleton className="h-9 w-28" />
        </Card>
      </div>
    </div>
  );
}

/** The event form's shape while the event to edit loads. */
export function EventFormSkeleton({ label }: { label: string }) {
  return (
    <Card as="div" className="max-w-3xl" aria-busy="true">
      <span className="sr-only" role="status">
        {label}
      </span>
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex flex-col gap-2">
          <Skeleton className="h-4 w-20" />
          <Skeleton className={i === 1 ? 'h-28 w-full' : 'h-9 w-full'} />
        </div>
      ))}
      <div className="grid gap-4 sm:grid-cols-2">
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-9 w-full" />
      </div>
      <Skeleton className="h-9 w-32" />
    </Card>
  );
}

/** A list of cards loading (My registrations). */
export function EventListSkeleton({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div className="flex flex-col gap-3" aria-busy="true">
      <span className="sr-only" role="status">
        {label}
      </span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to key on
        <div key={i} className="flex items-center justify-between gap-4 rounded-xl border bg-card p-4">
          <div className="flex min-w-0 flex-1 flex-col gap-2">
            <Skeleton className="h-4 w-2/3 max-w-md" />
            <Skeleton className="h-3 w-1/2 max-w-xs" />
          </div>
          <Skeleton className="h-5 w-20" />
        </div>
      ))}
    </div>
  );
}
