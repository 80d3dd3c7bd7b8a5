// Finds (or installs) schemathesis, the OpenAPI fuzzer of docs/quality.md R4, into .tools/schemathesis.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const SCHEMATHESIS_VERSION = '4.32.5';
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const VENV = path.join(ROOT, '.tools', 'schemathesis');
export const SCHEMATHESIS_CLI = path.join(VENV, 'bin', 'st');

/** The `st` executable, installed from PyPI when missing; undefined when it cannot be had. */
export function findSchemathesis({ install = false, log = console.log } = {}) {
  if (process.env.SCHEMATHESIS_CLI && fs.existsSync(process.env.SCHEMATHESIS_CLI)) return process.env.SCHEMATHESIS_CLI;
  if (fs.existsSync(SCHEMATHESIS_CLI)) return SCHEMATHESIS_CLI;
  if (!install) return undefined;
  const python = spawnSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).stdout.trim();
  if (!python) return undefined;
  log(`Installing schemathesis ${SCHEMATHESIS_VERSION} (PyPI) into .tools/schemathesis …`);
  try {
    execFileSync(python, ['-m', 'venv', VENV], { stdio: 'inherit' });
    execFileSync(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`], { stdio: 'inherit' });
  } catch {
    return undefined;
  }
  return fs.existsSync(SCHEMATHESIS_CLI) ? SCHEMATHESIS_CLI : undefined;
}
