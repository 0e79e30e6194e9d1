import { RotateCwIcon } from 'lucide-react';
import { Alert } from './alert';
import { Button } from './button';

/** What a refetch needs: TanStack Query's result has both. */
interface Refetchable {
  isFetching: boolean;
  refetch: () => unknown;
}

/**
 * A read that failed with nothing to show: what could not load, why, and a Retry that spins while
 * it runs. The alert stays while retrying, so the page does not flip back to its loading state.
 */
export function QueryErrorAlert({ title, message, query }: { title: string; message: string; query: Refetchable }) {
  return (
    <Alert title={title}>
      <p>{message}</p>
      <Button size="sm" variant="outline" loading={query.isFetching} onClick={() => void query.refetch()}>
        {query.isFetching ? null : <RotateCwIcon aria-hidden />}
        Retry
      </Button>
    </Alert>
  );
}
