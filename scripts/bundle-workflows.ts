// Bundles the workflow code once at build time (dist/workflow-bundle.js, and the test bundle with
// ping and the bench reference, dist/workflow-bundle-test.js), so a worker starts without running
// webpack; the worker falls back to bundling at start when the file is missing.
//
// Bundling costs seconds, so it runs only when a bundle's inputs changed: the stamp next to each
// bundle records the SHA-256 of every module webpack put in it (the compiled workflows and the SDK
// files they pull in); when all of them still hash the same, the bundle is kept (its mtime is
// refreshed, so the worker's freshness check holds). `--force` bundles regardless.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TEST_WORKFLOW_BUNDLE, TEST_WORKFLOWS_ENTRY, WORKFLOW_BUNDLE, WORKFLOWS_ENTRY } from '../apps/worker/src/workflow-paths.js';

// webpack's module ids are paths relative to its context: the repository root.
const ROOT = path.resolve(path.dirname(WORKFLOWS_ENTRY), '..', '..');
const STAMP_VERSION = 1;

interface Stamp {
  readonly version: number;
  readonly modules: Record<string, string>;
}

function hashOf(file: string): string | undefined {
  try {
    return createHash('sha256')
      .update(fs.readFileSync(path.join(ROOT, file)))
      .digest('hex');
  } catch {
    return undefined;
  }
}

function upToDate(bundle: string, stampFile: string): boolean {
  if (process.argv.includes('--force') || !fs.existsSync(bundle) || !fs.existsSync(stampFile)) return false;
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8')) as Stamp;
    const modules = Object.entries(stamp.modules);
    return stamp.version === STAMP_VERSION && modules.length > 0 && modules.every(([file, hash]) => hashOf(file) === hash);
  } catch {
    return false;
  }
}

for (const [entry, bundle] of [
  [WORKFLOWS_ENTRY, WORKFLOW_BUNDLE],
  [TEST_WORKFLOWS_ENTRY, TEST_WORKFLOW_BUNDLE],
] as const) {
  const stampFile = `${bundle}.stamp.json`;
  const name = bundle.split('/').at(-1);
  if (upToDate(bundle, stampFile)) {
    const now = new Date();
    fs.utimesSync(bundle, now, now);
    console.log(`Workflow bundle ${name} up to date (no workflow input changed)`);
    continue;
  }
  // Imported only when bundling: loading the worker SDK alone takes a second.
  const { bundleWorkflowCode, DefaultLogger } = await import('@temporalio/worker');
  const { code } = await bundleWorkflowCode({ workflowsPath: entry, logger: new DefaultLogger('WARN') });
  const files = [...code.matchAll(/^\/\*\*\*\/ "(\.\/[^"]+)"/gm)].map((match) => path.normalize(match[1]));
  if (!files.some((file) => file.startsWith(`dist${path.sep}workflows${path.sep}`)))
    throw new Error(`the bundle ${name} names none of the compiled workflow files`);
  const modules = Object.fromEntries(files.map((file) => [file, hashOf(file)]).filter((entry): entry is [string, string] => entry[1] !== undefined));
  fs.rmSync(stampFile, { force: true });
  fs.writeFileSync(bundle, code);
  fs.writeFileSync(stampFile, JSON.stringify({ version: STAMP_VERSION, modules } satisfies Stamp, null, 1));
  console.log(`Workflow bundle ${name} written (${Math.round(code.length / 1024)} KiB, ${files.length} modules)`);
}
