import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { pingWorkflow } from '../../workflows/test-workflows.js';
import { stackConfig, temporalClient } from '../support/stack.js';

describe('Temporal path: dev server, worker, task queue', () => {
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ client, close } = await temporalClient());
  });
  afterAll(async () => close());

  it('runs a workflow and its activity on the real worker process', async () => {
    const nonce = randomUUID();
    const result = await client.workflow.execute(pingWorkflow, {
      taskQueue: stackConfig().temporal.taskQueue,
      workflowId: `ping:${nonce}`,
      args: [nonce],
      workflowExecutionTimeout: '30s',
    });
    expect(result).toMatch(new RegExp(`^pong:${nonce}:[^/]+/\\d+/${nonce.length}$`));
  });

  it('has the search attributes operators filter by registered', async () => {
    const { customAttributes } = await client.connection.operatorService.listSearchAttributes({
      namespace: stackConfig().temporal.namespace,
    });
    expect(Object.keys(customAttributes ?? {})).toEqual(expect.arrayContaining(['MemberId', 'ApplicationId', 'FlowStatus']));
  });
});
