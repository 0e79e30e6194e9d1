'use client';

import { Avatar as AvatarPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from './cn';

export function Avatar({ className, ...props }: ComponentProps<typeof AvatarPrimitive.Root>) {
  return <AvatarPrimitive.Root data-slot="avatar" className={cn('relative flex size-8 shrink-0 overflow-hidden rounded-full', className)} {...props} />;
}

export function AvatarImage({ className, ...props }: ComponentProps<typeof AvatarPrimitive.Image>) {
  return <AvatarPrimitive.Image data-slot="avatar-image" className={cn('aspect-square size-full', className)} {...props} />;
}

export function AvatarFallback({ className, ...props }: ComponentProps<typeof AvatarPrimitive.Fallback>) {
  return (
    <AvatarPrimitive.Fallback
      data-slot="avatar-fallback"
      className={cn('flex size-full select-none items-center justify-center rounded-full bg-primary/12 font-medium text-primary text-xs', className)}
      {...props}
    />
  );
}

/** "Ada Lovelace" -> "AL", "bo" -> "B": the first letters of the first and last words. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0])[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1])[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

/** An avatar that shows the person's initials (no pictures yet); the name is for screen readers only when `label` is set. */
export function InitialsAvatar({ name, className, label = false }: { name: string; className?: string; label?: boolean }) {
  return (
    <Avatar className={className} aria-hidden={label ? undefined : true}>
      <AvatarFallback>
        {initials(name)}
        {label ? <span className="sr-only">{name}</span> : null}
      </AvatarFallback>
    </Avatar>
  );
}
