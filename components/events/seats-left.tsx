import { Badge } from '@/components/ui/badge';

/** Seats left as a compact badge for lists. */
export function SeatsLeft({ seatsLeft, capacity }: { seatsLeft: number; capacity: number }) {
  if (seatsLeft <= 0) return <Badge tone="danger">Full</Badge>;
  const tone = seatsLeft <= Math.max(1, Math.ceil(capacity * 0.1)) ? 'warning' : 'success';
  return (
    <Badge tone={tone}>
      {seatsLeft} {seatsLeft === 1 ? 'seat' : 'seats'} left
    </Badge>
  );
}
