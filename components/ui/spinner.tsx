import { cn } from './cn';

type SpinnerProps = { size?: 'sm' | 'md'; label?: string; className?: string };

/** A rotating ring; `label` is announced to screen readers (empty: decorative). */
export function Spinner({ size = 'md', label = 'Loading…', className }: SpinnerProps) {
  return (
    <span
      className={cn(
        'inline-block shrink-0 animate-spin rounded-full border-2 border-current border-r-transparent align-[-0.125em] opacity-70 motion-reduce:animate-[spin_1.5s_linear_infinite]',
        size === 'sm' ? 'size-4' : 'size-6',
        className,
      )}
      role={label ? 'status' : undefined}
      aria-hidden={label ? undefined : true}
    >
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}
