import type { ReactNode } from 'react';

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
    className: 'input',
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
    <div className={['field', error ? 'field-invalid' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional ? <span className="field-optional"> (optional)</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
