import { stopProcess } from '../../scripts/lib/temporal-cli.mjs';

export default async function teardownStack() {
  const stack = globalThis.__stack;
  if (!stack) return;
  await stack.worker.stop();
  await stopProcess(stack.temporal.child, 'SIGTERM');
  await stack.database.drop();
}
