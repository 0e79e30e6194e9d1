import type { HTMLAttributes } from 'react';

type CardProps = HTMLAttributes<HTMLElement> & { as?: 'section' | 'article' | 'div' };

export function Card({ as: Tag = 'section', className, ...rest }: CardProps) {
  return <Tag className={['card', className].filter(Boolean).join(' ')} {...rest} />;
}
