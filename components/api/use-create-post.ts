'use client';

import { queryKeys } from './query-keys';
import type { CreatePostInput, PostCreated } from './social-types';
import { useCommand } from './use-command';

/** Publishes a post; the refetched feeds read it with the returned consistency token. */
export function useCreatePost() {
  return useCommand<CreatePostInput, PostCreated>('social/create-post', {
    invalidate: [queryKeys.social],
  });
}
