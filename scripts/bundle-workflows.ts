// Bundles the workflow code once at build time (dist/workflow-bundle.js, and the test bundle with
// ping and the bench reference, dist/workflow-bundle-test.js), so a worker starts without running
// webpack; the worker falls back to bundling at start when the file is missing.
import fs from 'node:fs';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { TEST_WORKFLOW_BUNDLE, TEST_WORKFLOWS_ENTRY, WORKFLOW_BUNDLE, WORKFLOWS_ENTRY } from '../apps/worker/src/workflow-code.js';

for (const [entry, target] of [
  [WORKFLOWS_ENTRY, WORKFLOW_BUNDLE],
  [TEST_WORKFLOWS_ENTRY, TEST_WORKFLOW_BUNDLE],
] as const) {
  const { code } = await bundleWorkflowCode({ workflowsPath: entry, logger: new DefaultLogger('WARN') });
  fs.writeFileSync(target, code);
  console.log(`Workflow bundle ${target.split('/').at(-1)} written (${Math.round(code.length / 1024)} KiB)`);
}
