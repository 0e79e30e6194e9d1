import type { InputHTMLAttributes } from 'react';
import { FieldFrame, fieldControlProps, type FieldFrameProps } from './field-frame';

type FieldProps = FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'className'>;

/** A labelled <input> with hint and error. */
export function Field({ name, label, hint, error, optional, className, ...input }: FieldProps) {
  const frame = { name, label, hint, error, optional, className };
  return (
    <FieldFrame {...frame}>
      <input {...input} {...fieldControlProps(frame)} />
    </FieldFrame>
  );
}
