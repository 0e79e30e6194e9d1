import type { ComponentProps } from 'react';
import { cn } from './cn';
import { inputClassName } from './input';

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea data-slot="textarea" className={cn(inputClassName, 'field-sizing-content h-auto min-h-16 py-2', className)} {...props} />;
}
