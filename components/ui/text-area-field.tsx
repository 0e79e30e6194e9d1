import type { TextareaHTMLAttributes } from 'react';
import { cn } from './cn';
import { FieldFrame, fieldControlProps, type FieldFrameProps } from './field-frame';

type TextAreaFieldProps = FieldFrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'className'>;

/** A labelled <textarea> with hint and error. */
export function TextAreaField({ name, label, hint, error, optional, className, ...textarea }: TextAreaFieldProps) {
  const frame = { name, label, hint, error, optional, className };
  const control = fieldControlProps(frame);
  return (
    <FieldFrame {...frame}>
      <textarea {...textarea} {...control} className={cn(control.className, 'h-auto min-h-24 py-2')} />
    </FieldFrame>
  );
}
