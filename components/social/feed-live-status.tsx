import type { FeedStreamStatus } from '@/components/api/use-feed-stream';
import { cn } from '@/components/ui/cn';

const labels: Record<FeedStreamStatus, { text: string; dot: string }> = {
  connecting: { text: 'Connecting…', dot: 'bg-muted-foreground' },
  live: { text: 'Live updates on', dot: 'bg-success' },
  reconnecting: { text: 'Reconnecting…', dot: 'bg-warning animate-pulse' },
};

/** Whether new posts arrive by themselves; announced politely when it changes. */
export function FeedLiveStatus({ status }: { status: FeedStreamStatus }) {
  const { text, dot } = labels[status];
  return (
    <span className="inline-flex items-center" aria-live="polite">
      <span
        className="inline-flex items-center gap-1.5 whitespace-nowrap text-muted-foreground text-xs"
        title={status === 'live' ? 'New posts from people you follow appear without reloading' : undefined}
      >
        <span aria-hidden="true" className={cn('size-2 rounded-full', dot)} />
        {text}
      </span>
    </span>
  );
}
