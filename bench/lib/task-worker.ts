// Worker-thread entry of runInWorker: runs the task module's default export and posts the result back.
import { parentPort, workerData } from 'node:worker_threads';

const { moduleUrl, input } = workerData as { moduleUrl: string; input: unknown };
const task = (await import(moduleUrl)) as { default: (input: unknown) => Promise<unknown> };
parentPort!.postMessage(await task.default(input));
