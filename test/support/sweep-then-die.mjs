// A sweep that dies at its worst point: runs the real DocumentOrphanSweeper (from dist/) on the local
// folder store and SIGKILLs its own process right after the first content delete, before that key's
// transaction commits. Used by test/integration/document-orphan-sweep.test.ts.
// Usage: node test/support/sweep-then-die.mjs <DATABASE_URL> <DOCUMENTS_DIR> <graceSeconds> <nowIso>
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../dist/libs/config/src/index.js';
import { DocumentEntity, DocumentOrphanSweeper, LocalFolderDocumentStorage, UnreferencedDocumentKeyEntity } from '../../dist/libs/documents/src/index.js';
import { dataSourceOptions } from '../../dist/libs/persistence/src/index.js';

const [url, dir, grace, now] = process.argv.slice(2);
const dataSource = new DataSource(dataSourceOptions(parseDatabaseUrl(url), { entities: [DocumentEntity, UnreferencedDocumentKeyEntity] }));
await dataSource.initialize();
const inner = new LocalFolderDocumentStorage(dir);
const dying = {
  put: (key, bytes) => inner.put(key, bytes),
  get: (key) => inner.get(key),
  exists: (key) => inner.exists(key),
  delete: async (key) => {
    await inner.delete(key);
    process.kill(process.pid, 'SIGKILL');
  },
};
await new DocumentOrphanSweeper(dataSource, dying).sweep({ graceSeconds: Number(grace), now: new Date(now) });
process.exit(3); // never reached: the first delete kills the process
