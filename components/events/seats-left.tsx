import { Badge } from '@/components/ui/badge';

/** Seats left as a compact badge for lists; a deleted event has no seats to speak of. */
export function SeatsLeft({ seatsLeft, capacity, deleted = false }: { seatsLeft: number; capacity: number; deleted?: boolean }) {
  if (deleted) return <Badge tone="neutral">Deleted</Badge>;
  if (seatsLeft <= 0) return <Badge tone="danger">Full</Badge>;
  const tone = seatsLeft <= Math.max(1, Math.ceil(capacity * 0.1)) ? 'warning' : 'success';
  return (
    <Badge tone={tone}>
      {seatsLeft} {seatsLeft === 1 ? 'seat' : 'seats'} left
    </Badge>
  );
}
