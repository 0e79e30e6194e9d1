'use client';

import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { sendCommand, type CommandResult } from './api-client';
import { NetworkError } from './api-error';
import { newIdempotencyKey } from './new-idempotency-key';

type Variables<TBody> = { body: TBody; idempotencyKey: string };

/**
 * A command as a mutation. `submit(body)` is one user submission: it gets one
 * Idempotency-Key, reused by the automatic retries on network failure, so a retry
 * can never execute the command twice. On success the given query keys are
 * invalidated (not awaited): the refetch carries the new consistency token.
 */
export function useCommand<TBody, TResult extends CommandResult = CommandResult>(path: string, options: { invalidate?: QueryKey[] } = {}) {
  const queryClient = useQueryClient();
  const invalidate = options.invalidate;
  const mutation = useMutation<TResult, Error, Variables<TBody>>({
    mutationFn: ({ body, idempotencyKey }) => sendCommand<TResult>(path, body, idempotencyKey),
    retry: (failureCount, error) => error instanceof NetworkError && failureCount < 2,
    retryDelay: (attempt) => 500 * 2 ** attempt,
    onSuccess: () => {
      for (const queryKey of invalidate ?? []) {
        void queryClient.invalidateQueries({ queryKey });
      }
    },
  });
  const { mutateAsync } = mutation;
  const submit = useCallback((body: TBody) => mutateAsync({ body, idempotencyKey: newIdempotencyKey() }), [mutateAsync]);
  return { ...mutation, submit };
}
