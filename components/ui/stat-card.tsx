import { ArrowRightIcon } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from './cn';
import { Skeleton } from './skeleton';

type StatCardProps = {
  /** What the figure is ("Max projection lag"). */
  label: string;
  /** The figure itself; `undefined` while loading shows a skeleton. */
  value: ReactNode | undefined;
  /** A line under the figure (context, a unit, the next event's name). */
  hint?: ReactNode;
  icon?: ReactNode;
  /** The whole card links to the page behind the figure. */
  href?: string;
  /** Words for the link when the label alone would not say where it goes ("Open Ops"). */
  linkLabel?: string;
  tone?: 'default' | 'success' | 'warning' | 'danger';
  testId?: string;
  className?: string;
};

const TONE = {
  default: 'text-foreground',
  success: 'text-success',
  warning: 'text-warning',
  danger: 'text-destructive',
} as const;

/**
 * A key figure: a label, a big value and a hint, optionally a link to its page. Shows a skeleton
 * of the same size while `value` is undefined, so the grid does not jump when data arrives.
 */
export function StatCard({ label, value, hint, icon, href, linkLabel, tone = 'default', testId, className }: StatCardProps) {
  const loading = value === undefined;
  const body = (
    <>
      <div className="flex items-center justify-between gap-2">
        <p className="font-medium text-muted-foreground text-sm">{label}</p>
        {icon ? (
          <span aria-hidden="true" className="text-muted-foreground [&_svg]:size-4">
            {icon}
          </span>
        ) : null}
      </div>
      {loading ? (
        <div aria-busy="true" className="flex flex-col gap-2">
          <span className="sr-only">Loading {label.toLowerCase()}…</span>
          <Skeleton className="h-8 w-24" />
          <Skeleton className="h-4 w-36" />
        </div>
      ) : (
        <div className="flex min-w-0 flex-col gap-1">
          <p className={cn('break-words font-semibold text-2xl tabular-nums tracking-tight [overflow-wrap:anywhere]', TONE[tone])}>{value}</p>
          {hint ? <div className="min-w-0 text-muted-foreground text-sm [overflow-wrap:anywhere]">{hint}</div> : null}
        </div>
      )}
      {href && !loading ? (
        <span className="mt-auto inline-flex items-center gap-1 pt-1 font-medium text-primary text-sm">
          {linkLabel ?? 'Open'}
          <ArrowRightIcon aria-hidden="true" className="size-3.5 transition-transform group-hover:translate-x-0.5" />
        </span>
      ) : null}
    </>
  );
  const classes = cn('flex min-w-0 flex-col gap-3 rounded-xl border bg-card p-5 text-card-foreground shadow-xs', className);
  if (href) {
    return (
      <Link
        href={href}
        data-testid={testId}
        className={cn(
          classes,
          'group no-underline outline-none transition-colors hover:bg-accent/40 focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50',
        )}
      >
        {body}
      </Link>
    );
  }
  return (
    <section data-testid={testId} aria-label={label} className={classes}>
      {body}
    </section>
  );
}
