import { fileURLToPath } from 'node:url';

// Where the compiled workflows and their prebuilt bundles are. A module of its own, importing
// nothing of the app: the build's bundle check (scripts/bundle-workflows.ts) runs on every build and
// quickstart start, and loading #app/config with it cost a third of a second (quality.md P7).
export const WORKFLOWS_ENTRY = fileURLToPath(new URL('../../../workflows/index.js', import.meta.url));
export const WORKFLOW_BUNDLE = fileURLToPath(new URL('../../../workflow-bundle.js', import.meta.url));
/** Production workflows plus ping and the bench reference: for the test stack and the benches. */
export const TEST_WORKFLOWS_ENTRY = fileURLToPath(new URL('../../../workflows/test-workflows.js', import.meta.url));
export const TEST_WORKFLOW_BUNDLE = fileURLToPath(new URL('../../../workflow-bundle-test.js', import.meta.url));
