import Link from 'next/link';
import type { ComponentProps } from 'react';
import { type ButtonSize, type ButtonVariant, buttonVariants } from './button';
import { cn } from './cn';

type ButtonLinkProps = ComponentProps<typeof Link> & { variant?: ButtonVariant; size?: ButtonSize };

/** A navigation that looks like a button (links stay links for assistive tech). */
export function ButtonLink({ variant = 'secondary', size, className, ...rest }: ButtonLinkProps) {
  return <Link className={cn(buttonVariants({ variant, size }), className)} {...rest} />;
}
