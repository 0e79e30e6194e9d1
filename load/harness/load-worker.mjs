// Worker-thread bootstrap: Node 20 workers do not inherit tsx's loader, so register it here and
// then load the TypeScript entry (load-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./load-worker.ts');
