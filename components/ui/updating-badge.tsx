import { Badge } from './badge';

/**
 * Says "this view does not include your latest change yet". Lives inside a polite
 * live region that is always rendered, so the appearance is announced.
 */
export function UpdatingBadge({ updating, label = 'Updating…' }: { updating: boolean; label?: string }) {
  return (
    <span className="inline-flex min-h-6 items-center" aria-live="polite" data-testid="updating-indicator">
      {updating ? (
        <Badge tone="info" className="animate-pulse" title="Your change is still being projected">
          {label}
        </Badge>
      ) : null}
    </span>
  );
}
