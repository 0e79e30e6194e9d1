import { cva } from 'class-variance-authority';
import { AlertTriangle, CheckCircle2, CircleAlert, Info } from 'lucide-react';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

const alertVariants = cva(
  'relative grid w-full grid-cols-[0_1fr] items-start gap-y-0.5 rounded-lg border px-4 py-3 text-sm outline-none has-[>svg]:grid-cols-[calc(var(--spacing)*4)_1fr] has-[>svg]:gap-x-3 focus-visible:ring-[3px] focus-visible:ring-ring/50 [&>svg]:size-4 [&>svg]:translate-y-0.5 [&>svg]:text-current',
  {
    variants: {
      tone: {
        error: 'border-destructive/30 bg-destructive/5 text-destructive *:data-[slot=alert-description]:text-destructive/90',
        warning: 'border-warning/30 bg-warning/5 text-warning *:data-[slot=alert-description]:text-foreground',
        success: 'border-success/30 bg-success/5 text-success *:data-[slot=alert-description]:text-foreground',
        info: 'bg-card text-card-foreground *:data-[slot=alert-description]:text-muted-foreground',
      },
    },
    defaultVariants: { tone: 'error' },
  },
);

const icons = { error: CircleAlert, warning: AlertTriangle, success: CheckCircle2, info: Info };

type AlertTone = 'error' | 'success' | 'info' | 'warning';

type AlertProps = Omit<ComponentProps<'div'>, 'title'> & {
  tone?: AlertTone;
  title?: ReactNode;
  testId?: string;
  /** Hide the tone's icon. */
  plain?: boolean;
};

/** Errors interrupt (role=alert); everything else is announced politely (role=status). */
export function Alert({ tone = 'error', title, children, testId, plain = false, className, ...rest }: AlertProps) {
  const Icon = icons[tone];
  return (
    <div data-slot="alert" role={tone === 'error' ? 'alert' : 'status'} data-testid={testId} className={cn(alertVariants({ tone }), className)} {...rest}>
      {plain ? null : <Icon aria-hidden="true" />}
      {title ? <AlertTitle>{title}</AlertTitle> : null}
      {children ? <AlertDescription>{children}</AlertDescription> : null}
    </div>
  );
}

export function AlertTitle({ className, ...props }: ComponentProps<'p'>) {
  return <p data-slot="alert-title" className={cn('col-start-2 min-h-4 font-medium tracking-tight', className)} {...props} />;
}

export function AlertDescription({ className, ...props }: ComponentProps<'div'>) {
  return <div data-slot="alert-description" className={cn('col-start-2 grid justify-items-start gap-1 text-sm [&_p]:leading-relaxed', className)} {...props} />;
}
