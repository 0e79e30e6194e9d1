'use client';

import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cn } from '@/components/ui/cn';
import { fieldControlProps } from '@/components/ui/field-frame';

type Common = {
  name: string;
  label: string;
  value: string;
  limit: number;
  error?: string;
  optional?: boolean;
  hint?: string;
  className?: string;
};

type LimitedTextFieldProps = Common &
  (
    | ({ multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'className' | 'maxLength'>)
    | ({ multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'value' | 'className' | 'maxLength'>)
  );

/** "The title is 656 characters long; the limit is 200 (456 too many)." */
export function overLimitMessage(label: string, length: number, limit: number): string {
  return `${label} is ${length.toLocaleString('en')} characters long; the limit is ${limit.toLocaleString('en')} (${(length - limit).toLocaleString('en')} too many).`;
}

/**
 * A text field with a character counter. It never cuts what is typed or pasted (no `maxLength`,
 * which truncates a paste without a word, issue 8 defect 8): past the limit the counter turns red
 * and the field says by how much, and the form refuses to submit.
 */
export function LimitedTextField(props: LimitedTextFieldProps) {
  const { name, label, value, limit, error, optional, hint, className, multiline, ...control } = props;
  const length = value.length;
  const over = length > limit;
  const message = error ?? (over ? overLimitMessage(label, length, limit) : undefined);
  const ids = fieldControlProps({ name, label, hint, error: message });
  const counterId = `field-${name}-count`;
  const describedBy = [ids['aria-describedby'], counterId].filter(Boolean).join(' ');
  const shared = { ...ids, value, 'aria-describedby': describedBy };

  return (
    <div className={cn('flex min-w-0 flex-col gap-2', className)} data-invalid={message ? true : undefined}>
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={ids.id} className={cn('font-medium text-sm leading-none', message && 'text-destructive')}>
          {label}
          {optional ? <span className="font-normal text-muted-foreground"> (optional)</span> : null}
        </label>
        <span
          id={counterId}
          data-testid={`${name}-counter`}
          className={cn('text-muted-foreground text-xs tabular-nums', over && 'font-medium text-destructive', !over && length > limit * 0.9 && 'text-warning')}
        >
          <span className="sr-only">{label} length: </span>
          {length.toLocaleString('en')}/{limit.toLocaleString('en')}
        </span>
      </div>
      {multiline ? (
        <textarea
          {...(control as TextareaHTMLAttributes<HTMLTextAreaElement>)}
          {...shared}
          aria-invalid={message ? true : undefined}
          className={cn(ids.className, 'h-auto min-h-28 py-2')}
        />
      ) : (
        <input {...(control as InputHTMLAttributes<HTMLInputElement>)} {...shared} aria-invalid={message ? true : undefined} />
      )}
      {hint ? (
        <p id={`field-${name}-hint`} className="text-muted-foreground text-sm">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={`field-${name}-error`} className="text-destructive text-sm" aria-live="polite">
          {message}
        </p>
      ) : null}
    </div>
  );
}
