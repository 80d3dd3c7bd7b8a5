// Worker-thread entry of generateLoadInWorker: runs the load and posts the result back.
import { parentPort, workerData } from 'node:worker_threads';
import { generateLoad, type LoadOptions } from './load-generator.js';

const result = await generateLoad(workerData as LoadOptions);
parentPort!.postMessage(result);
