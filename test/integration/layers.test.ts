// The layer rules of docs/architecture.md are enforced by `npm run lint` with dependency-cruiser
// (.dependency-cruiser.cjs). This proves the configuration bites: a small tree with one wrong import
// per rule must fail with exactly those rules, and the same tree with correct imports must pass.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve('.');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', allowJs: true } }));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', imports: { '#app/*': './dist/libs/*/src/index.js' } }));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Runs depcruise as the lint script does (default reporter) and reads its `error <rule>: <from> → <to>` lines. */
async function violations(dir: string): Promise<{ code: number; found: string[] }> {
  const args = [DEPCRUISE, 'apps', 'libs', 'workflows', '--config', CONFIG];
  let code = 0;
  let output: string;
  try {
    output = (await run(process.execPath, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } })).stdout;
  } catch (error) {
    const failure = error as { code?: number; stdout?: string };
    code = typeof failure.code === 'number' ? failure.code : 1;
    output = failure.stdout ?? '';
  }
  const found = [...output.matchAll(/^\s*error ([\w-]+): (\S+) → (\S+)/gm)].map(([, rule, from, to]) => `${rule}: ${from} → ${to}`).sort();
  return { code, found };
}

const CORRECT = {
  'apps/api/src/main.ts': "import { answer } from '../../../libs/core/src/index.js';\nexport const api = answer;\n",
  'apps/admin/src/main.ts': "import { answer } from '../../../libs/core/src/index.js';\nexport const admin = answer;\n",
  'apps/portal/src/main.ts': "export const portal = await fetch('http://127.0.0.1:3000/api/v1/health');\n",
  'libs/core/src/index.ts': 'export const answer = 42;\n',
  'libs/web/src/index.ts': "import express from 'express';\nexport const web = express;\n",
  'workflows/flow.workflow.ts':
    "import { sleep } from '@temporalio/workflow';\nimport { answer } from './types.js';\nexport const flow = () => sleep(answer);\n",
  'workflows/types.ts': 'export const answer = 1;\n',
};

describe('layers (dependency-cruiser, as npm run lint runs it)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('passes a tree whose imports follow the layers', async () => {
    const dir = tree(CORRECT);
    dirs.push(dir);
    expect(await violations(dir)).toEqual({ code: 0, found: [] });
  }, 60_000);

  it('fails on each wrong import, naming its rule', async () => {
    const dir = tree({
      ...CORRECT,
      'apps/api/src/main.ts': "import { admin } from '../../admin/src/main.js';\nexport const api = admin;\n",
      'libs/core/src/index.ts': "import { api } from '../../../apps/api/src/main.js';\nexport const answer = api;\n",
      'apps/portal/src/main.ts':
        "import { DataSource } from 'typeorm';\nimport { Client } from '@temporalio/client';\nexport const portal = [DataSource, Client];\n",
      'libs/members/src/index.ts': "import type { Request } from 'express';\nexport type Incoming = Request;\n",
      'workflows/flow.workflow.ts':
        "import fs from 'node:fs';\nimport { answer } from '../libs/core/src/index.js';\nexport const flow = () => fs.existsSync(String(answer));\n",
    });
    dirs.push(dir);
    const { code, found } = await violations(dir);
    expect(code).not.toBe(0);
    expect(found).toEqual(
      expect.arrayContaining([
        'app-to-other-app: apps/api/src/main.ts → apps/admin/src/main.ts',
        'lib-to-app: libs/core/src/index.ts → apps/api/src/main.ts',
        expect.stringMatching(/^portal-to-data-or-temporal: apps\/portal\/src\/main\.ts → .*node_modules\/typeorm\//),
        expect.stringMatching(/^portal-to-data-or-temporal: apps\/portal\/src\/main\.ts → .*node_modules\/@temporalio\/client\//),
        expect.stringMatching(/^domain-to-http: libs\/members\/src\/index\.ts → .*node_modules\/(@types\/)?express\//),
        'workflow-not-bundle-safe: workflows/flow.workflow.ts → libs/core/src/index.ts',
        expect.stringMatching(/^workflow-not-bundle-safe: workflows\/flow\.workflow\.ts → (node:)?fs$/),
      ]),
    );
  }, 60_000);
});

describe('nest-cli.json', () => {
  it('lists every app and every lib of the tree', () => {
    const projects = JSON.parse(fs.readFileSync(path.join(ROOT, 'nest-cli.json'), 'utf8')).projects as Record<string, { root: string }>;
    const listed = Object.values(projects)
      .map((project) => project.root)
      .sort();
    const onDisk = ['apps', 'libs'].flatMap((top) => fs.readdirSync(path.join(ROOT, top)).map((name) => `${top}/${name}`)).sort();
    expect(listed).toEqual(onDisk);
  });
});
