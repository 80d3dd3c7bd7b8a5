import { proxyActivities } from '@temporalio/workflow';
import type { PingActivities } from './activities.js';

const { recordPing } = proxyActivities<PingActivities>({ startToCloseTimeout: '10 seconds' });

/** A round trip through the server, the worker and one activity: proves the path is open. */
export async function pingWorkflow(nonce: string): Promise<string> {
  const answeredBy = await recordPing(nonce);
  return `pong:${nonce}:${answeredBy}`;
}
