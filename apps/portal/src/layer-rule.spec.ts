import fs from 'node:fs';
import path from 'node:path';

// The portal is the API's client, not a second way into the data: nothing under apps/portal may
// import persistence, TypeORM, Temporal or the libs that need them (libs/web's health controller
// needs the database, so the portal has its own logger, health and metrics).
const ALLOWED_LIBS = new Set(['config', 'core']);
const FORBIDDEN_PACKAGES = [/^typeorm/, /^@nestjs\/typeorm/, /^@temporalio\//, /^mysql2/, /^better-sqlite3/, /^ioredis/];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the portal layer rule', () => {
  it('imports only libs/config and libs/core, and no database, Temporal or Redis client', () => {
    const offending: string[] = [];
    for (const file of sources(path.resolve('apps/portal/src'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const target = match[1];
        const lib = target.match(/^#app\/([^/]+)/)?.[1] ?? target.match(/libs\/([^/]+)\/src/)?.[1];
        if (
          (lib && !ALLOWED_LIBS.has(lib)) ||
          target.includes('apps/api') ||
          target.includes('apps/admin') ||
          target.startsWith('#workflows') ||
          FORBIDDEN_PACKAGES.some((pattern) => pattern.test(target))
        ) {
          offending.push(`${path.relative(process.cwd(), file)} → ${target}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
