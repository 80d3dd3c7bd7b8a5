import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WORKFLOWS_ENTRY = fileURLToPath(new URL('../../../workflows/index.js', import.meta.url));
export const WORKFLOW_BUNDLE = fileURLToPath(new URL('../../../workflow-bundle.js', import.meta.url));

/** The prebuilt bundle when it is at least as new as the compiled workflows, else bundle at start. */
export function workflowCode(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  const fresh =
    fs.existsSync(WORKFLOW_BUNDLE) &&
    fs.statSync(WORKFLOW_BUNDLE).mtimeMs >= Math.max(...compiledWorkflowFiles().map((file) => fs.statSync(file).mtimeMs));
  return fresh ? { workflowBundle: { codePath: WORKFLOW_BUNDLE } } : { workflowsPath: WORKFLOWS_ENTRY };
}

function compiledWorkflowFiles(): string[] {
  const dir = fileURLToPath(new URL('../../../workflows/', import.meta.url));
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js')).map((name) => `${dir}${name}`);
}
