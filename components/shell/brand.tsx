import Link from 'next/link';
import { cn } from '@/components/ui/cn';

/** The product mark: four squares, one per business system. */
export function BrandMark({ className }: { className?: string }) {
  return (
    <span aria-hidden="true" className={cn('grid size-7 shrink-0 grid-cols-2 gap-0.5 rounded-md bg-primary p-1.5', className)}>
      <span className="rounded-[2px] bg-primary-foreground" />
      <span className="rounded-[2px] bg-primary-foreground/60" />
      <span className="rounded-[2px] bg-primary-foreground/60" />
      <span className="rounded-[2px] bg-primary-foreground/85" />
    </span>
  );
}

export function BrandLink({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <Link
      href="/"
      onClick={onNavigate}
      className="flex items-center gap-2 rounded-md font-semibold text-base text-foreground no-underline outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <BrandMark />
      Quadrant
      <span className="sr-only">, home</span>
    </Link>
  );
}
