// Bundles the workflow code once at build time (dist/workflow-bundle.js), so a worker starts
// without running webpack; the worker falls back to bundling at start when the file is missing.
//
// Bundling costs seconds, so it runs only when the bundle's inputs changed: the stamp next to the
// bundle records the SHA-256 of every module webpack put in it (the compiled workflows and the SDK
// files they pull in); when all of them still hash the same, the bundle is kept (its mtime is
// refreshed, so the worker's freshness check holds). `--force` bundles regardless.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { WORKFLOW_BUNDLE, WORKFLOWS_ENTRY } from '../apps/worker/src/workflow-code.js';

const STAMP = `${WORKFLOW_BUNDLE}.stamp.json`;
// webpack's module ids are paths relative to its context: the repository root.
const ROOT = path.resolve(path.dirname(WORKFLOWS_ENTRY), '..', '..');
const STAMP_VERSION = 1;

interface Stamp {
  readonly version: number;
  readonly modules: Record<string, string>;
}

function hashOf(file: string): string | undefined {
  try {
    return createHash('sha256').update(fs.readFileSync(path.join(ROOT, file))).digest('hex');
  } catch {
    return undefined;
  }
}

function upToDate(): boolean {
  if (process.argv.includes('--force') || !fs.existsSync(WORKFLOW_BUNDLE) || !fs.existsSync(STAMP)) return false;
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8')) as Stamp;
    const modules = Object.entries(stamp.modules);
    return stamp.version === STAMP_VERSION && modules.length > 0 && modules.every(([file, hash]) => hashOf(file) === hash);
  } catch {
    return false;
  }
}

if (upToDate()) {
  const now = new Date();
  fs.utimesSync(WORKFLOW_BUNDLE, now, now);
  console.log('Workflow bundle up to date (no workflow input changed)');
} else {
  // Imported only when bundling: loading the worker SDK alone takes a second.
  const { bundleWorkflowCode, DefaultLogger } = await import('@temporalio/worker');
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_ENTRY, logger: new DefaultLogger('WARN') });
  const files = [...code.matchAll(/^\/\*\*\*\/ "(\.\/[^"]+)"/gm)].map((match) => path.normalize(match[1]));
  if (!files.some((file) => file.startsWith(`dist${path.sep}workflows${path.sep}`))) throw new Error('the bundle names none of the compiled workflow files');
  const modules = Object.fromEntries(files.map((file) => [file, hashOf(file)]).filter((entry): entry is [string, string] => entry[1] !== undefined));
  fs.rmSync(STAMP, { force: true });
  fs.writeFileSync(WORKFLOW_BUNDLE, code);
  fs.writeFileSync(STAMP, JSON.stringify({ version: STAMP_VERSION, modules } satisfies Stamp, null, 1));
  console.log(`Workflow bundle written (${Math.round(code.length / 1024)} KiB, ${files.length} modules)`);
}
