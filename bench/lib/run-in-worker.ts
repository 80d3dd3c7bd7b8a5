import { Worker } from 'node:worker_threads';

/**
 * Runs the default export of the module at `moduleUrl` with `input` in a worker thread and
 * resolves with what it returns, so a client's own work stays off the event loop of the server
 * it measures. Input and result must be structured-cloneable.
 */
export function runInWorker<Input, Output>(moduleUrl: URL, input: Input): Promise<Output> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./task-worker.js', import.meta.url), { workerData: { moduleUrl: moduleUrl.href, input } });
    let settled = false;
    worker.once('message', (result: Output) => {
      settled = true;
      resolve(result);
      // Keep-alive sockets would hold the thread open; its work is done.
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`task worker exited with ${code} before answering`));
    });
  });
}
