/** Worker-thread entry: runs one load stream (see open-loop.ts) and posts its result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { runStream, type StreamSpec } from './open-loop';

runStream(workerData as StreamSpec).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (err: Error) => parentPort!.postMessage({ ok: false, error: err.stack ?? err.message }),
);
