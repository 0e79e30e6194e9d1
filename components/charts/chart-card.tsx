import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

type ChartCardProps = {
  title: string;
  description?: ReactNode;
  /** Top-right content: a range picker, a link. */
  action?: ReactNode;
  /** Shows a placeholder of the chart's height instead of the chart. */
  loading?: boolean;
  /** No data to draw: says so instead of an empty frame. */
  empty?: boolean;
  emptyTitle?: string;
  emptyDescription?: ReactNode;
  /** An error message in place of the chart. */
  error?: ReactNode;
  height?: number;
  footer?: ReactNode;
  children?: ReactNode;
  className?: string;
};

/** A card holding one chart: heading, description, and its loading, empty and error states. */
export function ChartCard({
  title,
  description,
  action,
  loading = false,
  empty = false,
  emptyTitle = 'No data yet',
  emptyDescription,
  error,
  height = 240,
  footer,
  children,
  className,
}: ChartCardProps) {
  const headingId = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section
      aria-labelledby={headingId}
      className={cn('flex min-w-0 flex-col gap-4 rounded-xl border bg-card p-4 text-card-foreground shadow-sm sm:p-6', className)}
    >
      <header className="flex min-w-0 items-start justify-between gap-4">
        <div className="min-w-0">
          <h2 id={headingId} className="font-semibold leading-tight">
            {title}
          </h2>
          {description ? <p className="mt-1 text-muted-foreground text-sm">{description}</p> : null}
        </div>
        {action ? <div className="shrink-0">{action}</div> : null}
      </header>
      {error ? (
        <div
          role="alert"
          className="flex items-center justify-center rounded-lg border border-dashed p-4 text-center text-destructive text-sm"
          style={{ minHeight: height }}
        >
          {error}
        </div>
      ) : loading ? (
        <div aria-busy="true" className="flex flex-col justify-end gap-2" style={{ height }}>
          <span className="sr-only">Loading {title.toLowerCase()}…</span>
          <div aria-hidden className="h-full w-full animate-pulse rounded-lg bg-muted" />
        </div>
      ) : empty ? (
        <div className="flex flex-col items-center justify-center gap-1 rounded-lg border border-dashed p-4 text-center" style={{ minHeight: height }}>
          <p className="font-medium text-sm">{emptyTitle}</p>
          {emptyDescription ? <p className="text-muted-foreground text-sm">{emptyDescription}</p> : null}
        </div>
      ) : (
        children
      )}
      {footer ? <footer className="text-muted-foreground text-xs">{footer}</footer> : null}
    </section>
  );
}
