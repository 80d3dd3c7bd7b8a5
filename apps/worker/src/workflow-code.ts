import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '#app/config';
import { TEST_WORKFLOW_BUNDLE, TEST_WORKFLOWS_ENTRY, WORKFLOW_BUNDLE, WORKFLOWS_ENTRY } from './workflow-paths.js';

/** WORKER_TEST_WORKFLOWS=1 registers the test bundle; like the fault switch, refused in production. */
export function testWorkflowsFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  if (env.WORKER_TEST_WORKFLOWS?.trim() !== '1') return false;
  if (env.NODE_ENV === 'production') throw new ConfigError('WORKER_TEST_WORKFLOWS', 'is a test-only switch and is refused when NODE_ENV=production');
  return true;
}

/** The prebuilt bundle when it is at least as new as the compiled workflows, else bundle at start. */
export function workflowCode(testWorkflows = false): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  const bundle = testWorkflows ? TEST_WORKFLOW_BUNDLE : WORKFLOW_BUNDLE;
  const fresh = fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= Math.max(...compiledWorkflowFiles().map((file) => fs.statSync(file).mtimeMs));
  return fresh ? { workflowBundle: { codePath: bundle } } : { workflowsPath: testWorkflows ? TEST_WORKFLOWS_ENTRY : WORKFLOWS_ENTRY };
}

function compiledWorkflowFiles(): string[] {
  const dir = fileURLToPath(new URL('../../../workflows/', import.meta.url));
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => `${dir}${name}`);
}
