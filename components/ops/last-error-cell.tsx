'use client';

import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip';
import { formatAge } from './format-age';

/** The last error on one line, cut with an ellipsis; the whole message in a tooltip (hover or focus). */
export function LastErrorCell({ error, at, now }: { error: string | null; at: string | null; now: number }) {
  if (!error) return <span className="text-muted-foreground">none</span>;
  return (
    <div className="min-w-0">
      <Tooltip>
        <TooltipTrigger asChild>
          <button
            type="button"
            className="block w-full min-w-0 cursor-help truncate rounded-sm text-left font-mono text-destructive text-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            {error}
          </button>
        </TooltipTrigger>
        <TooltipContent className="max-w-md whitespace-pre-wrap break-words text-left font-mono [overflow-wrap:anywhere]">{error}</TooltipContent>
      </Tooltip>
      <span className="block text-muted-foreground text-xs">{formatAge(at, now)}</span>
    </div>
  );
}
