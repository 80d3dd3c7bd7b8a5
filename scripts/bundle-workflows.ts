// Bundles the workflow code once at build time (dist/workflow-bundle.js), so a worker starts
// without running webpack; the worker falls back to bundling at start when the file is missing.
import fs from 'node:fs';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { WORKFLOW_BUNDLE, WORKFLOWS_ENTRY } from '../apps/worker/src/workflow-code.js';

const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_ENTRY, logger: new DefaultLogger('WARN') });
fs.writeFileSync(WORKFLOW_BUNDLE, code);
console.log(`Workflow bundle written (${Math.round(code.length / 1024)} KiB)`);
