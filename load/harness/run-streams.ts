import { Worker } from 'node:worker_threads';
import type { StreamResult, StreamSpec } from './open-loop';

/** One open-loop stream in its own thread (load-worker.mjs), so the load generator never queues. */
export function runInWorker(spec: StreamSpec): Promise<StreamResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: spec });
    w.once('message', (m: { ok: boolean; result?: StreamResult; error?: string }) => {
      if (m.ok) resolve(m.result!);
      else reject(new Error(`load stream ${spec.name} failed: ${m.error}`));
      void w.terminate();
    });
    w.once('error', reject);
  });
}

/** Several streams at once, each in its own thread, aligned on the same start time. */
export async function runStreams(specs: StreamSpec[]): Promise<StreamResult[]> {
  const startAtEpochMs = Date.now() + 1500; // thread start-up (tsx) happens before
  return Promise.all(specs.map((s) => runInWorker({ ...s, startAtEpochMs })));
}
