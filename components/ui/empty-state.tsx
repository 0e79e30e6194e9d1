import type { ReactNode } from 'react';
import { cn } from './cn';

type EmptyStateProps = { title: string; children?: ReactNode; action?: ReactNode; icon?: ReactNode; className?: string };

/** What a list says when it has nothing to show, with the way forward. */
export function EmptyState({ title, children, action, icon, className }: EmptyStateProps) {
  return (
    <div className={cn('flex flex-col items-center gap-2 rounded-xl border border-dashed bg-card/50 px-6 py-10 text-center', className)}>
      {icon ? (
        <div className="mb-1 flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-5" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <p className="font-medium text-base">{title}</p>
      {children ? <div className="max-w-prose text-muted-foreground text-sm">{children}</div> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
