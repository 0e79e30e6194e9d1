import { LockIcon } from 'lucide-react';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';

/** What someone without the role sees instead of an admin page: a calm explanation and a way home. */
export function NotForYourRole({ what }: { what: string }) {
  return (
    <EmptyState
      icon={<LockIcon />}
      title="Not available for your role"
      action={
        <ButtonLink href="/" variant="outline">
          Go to your home page
        </ButtonLink>
      }
    >
      {what} is for administrators. Ask an administrator if you need access.
    </EmptyState>
  );
}
