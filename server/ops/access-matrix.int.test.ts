import { accessMatrix } from '@/server/testing/access-matrix';
import { opsContext } from '.';

/** Ops shows the platform's internals: administrators only, every other caller refused by role. */
accessMatrix({
  context: opsContext,
  fixture: async () => null,
  requests: {
    '/api/queries/ops/status': { input: () => ({}) },
    '/api/queries/ops/metrics': { input: () => ({ window: '1h' }) },
  },
});
