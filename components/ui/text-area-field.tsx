import type { TextareaHTMLAttributes } from 'react';
import { FieldFrame, fieldControlProps, type FieldFrameProps } from './field-frame';

type TextAreaFieldProps = FieldFrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'className'>;

/** A labelled <textarea> with hint and error. */
export function TextAreaField({ name, label, hint, error, optional, className, ...textarea }: TextAreaFieldProps) {
  const frame = { name, label, hint, error, optional, className };
  return (
    <FieldFrame {...frame}>
      <textarea {...textarea} {...fieldControlProps(frame)} />
    </FieldFrame>
  );
}
