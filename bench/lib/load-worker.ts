// Entry of generateLoadInWorker (a worker thread: options in workerData) and of
// generateLoadInChildProcess (a child process: options by IPC message): runs the load and hands
// the result back.
import { parentPort, workerData } from 'node:worker_threads';
import { generateLoad, type LoadOptions } from './load-generator.js';

if (parentPort) {
  parentPort.postMessage(await generateLoad(workerData as LoadOptions));
} else {
  process.once('message', (options: LoadOptions) => {
    generateLoad(options).then(
      (result) => process.send!(result, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
