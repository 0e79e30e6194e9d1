import Link from 'next/link';
import type { ComponentProps } from 'react';
import type { ButtonVariant } from './button';

type ButtonLinkProps = ComponentProps<typeof Link> & { variant?: ButtonVariant };

/** A navigation that looks like a button (links stay links for assistive tech). */
export function ButtonLink({ variant = 'secondary', className, ...rest }: ButtonLinkProps) {
  return <Link className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')} {...rest} />;
}
