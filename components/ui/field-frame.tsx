import type { ReactNode } from 'react';
import { cn } from './cn';
import { inputClassName } from './input';

export type FieldFrameProps = {
  /** Used for the control's id and name. */
  name: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  className?: string;
};

/** Ids and aria attributes that tie a control to its label, hint and error. */
export function fieldControlProps({ name, hint, error }: FieldFrameProps) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return {
    id,
    name,
    className: inputClassName,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

/**
 * Label, control, hint and error laid out together. The error is linked through
 * aria-describedby (see fieldControlProps), so it is read with the field.
 */
export function FieldFrame({ name, label, hint, error, optional, className, children }: FieldFrameProps & { children: ReactNode }) {
  const id = `field-${name}`;
  return (
    <div className={cn('flex min-w-0 flex-col gap-2', className)} data-invalid={error ? true : undefined}>
      <label htmlFor={id} className={cn('font-medium text-sm leading-none', error && 'text-destructive')}>
        {label}
        {optional ? <span className="font-normal text-muted-foreground"> (optional)</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-muted-foreground text-sm">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}
