'use client';

import { useSyncExternalStore } from 'react';
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip';
import { formatAbsoluteTime, formatRelativeTime } from './format-relative-time';

const TICK_MS = 30_000;

// One shared clock for every timestamp on screen, instead of a timer per post.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: number | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = window.setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * "5 min. ago", kept current while the page stays open; the exact time with its zone shows on
 * hover (and is the accessible name), the machine-readable one is in dateTime. Server rendering
 * shows the absolute time (no clock mismatch on hydration).
 */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const current = useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
  const exact = formatAbsoluteTime(iso);
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <time dateTime={iso} className={className}>
          {current === null ? exact : formatRelativeTime(iso, current)}
        </time>
      </TooltipTrigger>
      <TooltipContent>{exact}</TooltipContent>
    </Tooltip>
  );
}
