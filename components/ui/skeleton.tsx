import type { ComponentProps } from 'react';
import { cn } from './cn';

/** A placeholder block with the shape of what is loading. */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return <div data-slot="skeleton" aria-hidden="true" className={cn('animate-pulse rounded-md bg-muted-foreground/15', className)} {...props} />;
}
