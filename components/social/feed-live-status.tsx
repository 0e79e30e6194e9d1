import type { FeedStreamStatus } from '@/components/api/use-feed-stream';
import { Badge } from '@/components/ui/badge';

const labels: Record<FeedStreamStatus, { text: string; tone: 'neutral' | 'success' | 'warning' }> = {
  connecting: { text: 'Connecting…', tone: 'neutral' },
  live: { text: 'Live updates on', tone: 'success' },
  reconnecting: { text: 'Reconnecting…', tone: 'warning' },
};

/** Whether new posts arrive by themselves; announced politely when it changes. */
export function FeedLiveStatus({ status }: { status: FeedStreamStatus }) {
  const { text, tone } = labels[status];
  return (
    <span className="updating-slot" aria-live="polite">
      <Badge tone={tone} title={status === 'live' ? 'New posts from people you follow appear without reloading' : undefined}>
        {text}
      </Badge>
    </span>
  );
}
