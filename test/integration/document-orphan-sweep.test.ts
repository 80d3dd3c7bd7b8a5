// Content left behind when its delete fails (the store unreachable at that moment) is swept later by
// DocumentOrphanSweeper; content a committed row names is never swept. S3 on a real SeaweedFS behind a
// TCP proxy the test cuts; the local folder with deletes refused for a while.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { In, IsNull, type DataSource } from 'typeorm';
import { loadConfig } from '../../libs/config/src/index.js';
import {
  DocumentEntity,
  DocumentOrphanSweeper,
  DocumentsService,
  LocalFolderDocumentStorage,
  newStorageKey,
  S3DocumentStorage,
  UnreferencedDocumentKeyEntity,
  validateUploads,
  type DocumentStorage,
  type ValidatedUpload,
} from '../../libs/documents/src/index.js';
import { MemberEntity } from '../../libs/members/src/index.js';
import { metricsRegistry } from '../../libs/web/src/index.js';
import { DocumentSweepSchedule } from '../../apps/worker/src/maintenance/document-sweep.schedule.js';
import { insertMemberRow } from '../support/member-rows.js';
import { openMigrated } from '../support/migrated-data-source.js';
import { startSeaweedfs, type Seaweedfs } from '../support/seaweedfs.mjs';
import { TcpProxy } from '../support/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.mjs';

const fixture = (name: string) => fs.readFileSync(path.resolve('test/fixtures', name));
const HOUR = 3_600;
const later = (seconds: number) => new Date(Date.now() + seconds * 1_000);

/** A document store that can be taken away and brought back, and asked directly what it holds. */
interface Store {
  readonly storage: DocumentStorage;
  holds(key: string): Promise<boolean>;
  goAway(): Promise<void>;
  comeBack(): Promise<void>;
  cleanUp(): Promise<void>;
}

async function s3Store(weed: Seaweedfs): Promise<Store> {
  const proxy = new TcpProxy('127.0.0.1', Number(new URL(weed.endpoint).port));
  await proxy.open();
  const credentials = { accessKeyId: weed.env.S3_ACCESS_KEY_ID, secretAccessKey: weed.env.S3_SECRET_ACCESS_KEY };
  const storage = new S3DocumentStorage({
    endpoint: `http://127.0.0.1:${proxy.port}`,
    region: 'us-east-1',
    bucket: weed.bucket,
    ...credentials,
    forcePathStyle: true,
  });
  // Straight to SeaweedFS, past the proxy: what the bucket really holds.
  const direct = new S3Client({ endpoint: weed.endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  return {
    storage,
    holds: async (key) => {
      try {
        await direct.send(new HeadObjectCommand({ Bucket: weed.bucket, Key: `documents/${key}` }));
        return true;
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
        throw error;
      }
    },
    goAway: () => proxy.cut(),
    comeBack: async () => {
      await proxy.open();
    },
    cleanUp: async () => {
      await proxy.cut();
      storage.close();
      direct.destroy();
    },
  };
}

/** The local folder; while "away" its deletes fail as a failing disk's would (root ignores file modes, so a refusal is injected). */
function localStore(): Store {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'documents-sweep-'));
  const inner = new LocalFolderDocumentStorage(root);
  let away = false;
  const storage: DocumentStorage = {
    put: (key, bytes) => inner.put(key, bytes),
    get: (key) => inner.get(key),
    exists: (key) => inner.exists(key),
    delete: async (key) => {
      if (away) throw Object.assign(new Error('EIO: i/o error, unlink'), { code: 'EIO' });
      await inner.delete(key);
    },
  };
  return {
    storage,
    holds: (key) => inner.exists(key),
    goAway: async () => {
      away = true;
    },
    comeBack: async () => {
      away = false;
    },
    cleanUp: async () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

// The sweeper killed inside its own step: after a content delete, before that key's transaction
// commits. The record rolls back with the transaction, so the next sweep finishes the key; nothing
// committed is touched and nothing is left.
describe(`document sweep killed mid-step on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let root: string;

  beforeAll(async () => {
    database = await createTestDatabase('document-sweep-kill');
    dataSource = await openMigrated(database.url, [MemberEntity, DocumentEntity, UnreferencedDocumentKeyEntity]);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'documents-sweep-kill-'));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a sweep killed after deleting content, before its commit: the key stays listed, the next sweep clears it, a referenced key is kept', async () => {
    const storage = new LocalFolderDocumentStorage(root);
    const documents = new DocumentsService(dataSource, storage);
    const owner = await insertMemberRow(dataSource);
    const uploads = validateUploads(
      [
        { field: 'proofDocuments', originalName: 'proof.pdf', bytes: fixture('valid/proof.pdf') },
        { field: 'proofDocuments', originalName: 'scan.png', bytes: fixture('valid/proof.png') },
      ],
      [{ name: 'proofDocuments', minFiles: 1, maxFiles: 5 }],
    );
    const [kept] = await documents.transaction([uploads[0]], (_manager, writer) =>
      writer.store({ ownerMemberId: owner, documents: [{ upload: uploads[0], kind: 'PROOF' }] }),
    );
    // An orphan as a crashed upload leaves it: content written, key listed, no row.
    const orphan = newStorageKey();
    await dataSource.manager.insert(UnreferencedDocumentKeyEntity, { storageKey: orphan, recordedAt: new Date(Date.now() - 2 * HOUR * 1_000) });
    await storage.put(orphan, uploads[1].bytes);

    const child = spawnSync(process.execPath, ['test/support/sweep-then-die.mjs', database.url, root, String(HOUR), new Date().toISOString()], {
      encoding: 'utf8',
    });
    expect([child.signal, child.stderr]).toEqual(['SIGKILL', '']);
    // Killed after the delete: the content is gone, but the record rolled back with the transaction.
    expect(await storage.exists(orphan)).toBe(false);
    expect(await dataSource.manager.countBy(UnreferencedDocumentKeyEntity, { storageKey: orphan })).toBe(1);

    expect(await new DocumentOrphanSweeper(dataSource, storage).sweep({ graceSeconds: HOUR })).toEqual({ removed: 1, referenced: 0, failed: 0 });
    expect(await dataSource.manager.countBy(UnreferencedDocumentKeyEntity, {})).toBe(0);
    expect(await storage.exists(kept.storageKey)).toBe(true);
    expect(await dataSource.manager.countBy(DocumentEntity, { ownerMemberId: owner })).toBe(1);
  });
});

describe.each(['s3', 'local'] as const)(`document sweep on ${process.env.TEST_DB ?? 'sqlite'} with %s storage`, (kind) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let weed: Seaweedfs | undefined;
  let store: Store;
  let documents: DocumentsService;
  let sweeper: DocumentOrphanSweeper;

  const twoUploads = (): ValidatedUpload[] =>
    validateUploads(
      [
        { field: 'proofDocuments', originalName: 'proof.pdf', bytes: fixture('valid/proof.pdf') },
        { field: 'proofDocuments', originalName: 'scan.png', bytes: fixture('valid/proof.png') },
      ],
      [{ name: 'proofDocuments', minFiles: 1, maxFiles: 5 }],
    );
  const storeAll = (owner: string, uploads: ValidatedUpload[]) =>
    documents.transaction(uploads, (_manager, writer) =>
      writer.store({ ownerMemberId: owner, documents: uploads.map((upload) => ({ upload, kind: 'PROOF' })) }),
    );
  const listed = async (keys: readonly string[]) =>
    (await dataSource.manager.findBy(UnreferencedDocumentKeyEntity, { storageKey: In([...keys]) })).map((row) => row.storageKey).sort();
  const held = (keys: readonly string[]) => Promise.all(keys.map((key) => store.holds(key)));

  const aMember = () => insertMemberRow(dataSource);

  beforeAll(async () => {
    database = await createTestDatabase('document-sweep');
    dataSource = await openMigrated(database.url, [MemberEntity, DocumentEntity, UnreferencedDocumentKeyEntity]);
    if (kind === 's3') weed = await startSeaweedfs();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await weed?.stop();
  });
  beforeEach(async () => {
    store = kind === 's3' ? await s3Store(weed!) : localStore();
    documents = new DocumentsService(dataSource, store.storage);
    sweeper = new DocumentOrphanSweeper(dataSource, store.storage);
  });
  afterEach(() => store.cleanUp());

  it('a refused submission whose delete fails while the store is away: the content stays listed, and a later sweep removes it', async () => {
    const owner = await aMember();
    const uploads = twoUploads();
    let keys: string[] = [];
    const refusal = documents.transaction(uploads, async (_manager, writer) => {
      keys = (await writer.store({ ownerMemberId: owner, documents: uploads.map((upload) => ({ upload, kind: 'PROOF' })) })).map((row) => row.storageKey);
      // The store goes away after the content was written; then the submission's transaction fails.
      await store.goAway();
      throw new Error('the inquiry insert failed');
    });
    await expect(refusal).rejects.toThrow('the inquiry insert failed');
    expect(await dataSource.manager.countBy(DocumentEntity, { ownerMemberId: owner })).toBe(0);
    // The delete failed: the content is still there, and so is its record.
    expect(await held(keys)).toEqual([true, true]);
    expect(await listed(keys)).toEqual([...keys].sort());

    // While the store is still away, a sweep past the grace fails and keeps the records.
    const failing = await sweeper.sweep({ graceSeconds: HOUR, now: later(2 * HOUR) });
    expect(failing).toMatchObject({ removed: 0, failed: expect.any(Number) });
    expect(failing.failed).toBeGreaterThan(0);
    expect(await listed(keys)).toEqual([...keys].sort());

    await store.comeBack();
    // Within the grace period nothing is touched: an upload may still be committing.
    expect(await sweeper.sweep({ graceSeconds: HOUR })).toEqual({ removed: 0, referenced: 0, failed: 0 });
    expect(await held(keys)).toEqual([true, true]);

    const outcome = await sweeper.sweep({ graceSeconds: HOUR, now: later(2 * HOUR) });
    expect(outcome.removed).toBeGreaterThanOrEqual(2);
    expect(await held(keys)).toEqual([false, false]);
    expect(await listed(keys)).toEqual([]);
  });

  it('an upload slower than the grace: the sweep takes its record first, and the upload fails whole instead of committing a row without content', async () => {
    const owner = await aMember();
    let swept: Promise<unknown> | undefined;
    const keys: string[] = [];
    // The first content is written, then (the upload stalling past the grace) a sweep runs before its transaction.
    const stalling: DocumentStorage = {
      put: async (key, bytes) => {
        keys.push(key);
        await store.storage.put(key, bytes);
        swept ??= sweeper.sweep({ graceSeconds: HOUR, now: later(2 * HOUR) });
        await swept;
      },
      get: (key) => store.storage.get(key),
      exists: (key) => store.storage.exists(key),
      delete: (key) => store.storage.delete(key),
    };
    const uploads = twoUploads();
    const failed = await new DocumentsService(dataSource, stalling)
      .transaction(uploads, (_manager, writer) => writer.store({ ownerMemberId: owner, documents: uploads.map((upload) => ({ upload, kind: 'PROOF' })) }))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failed).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    // Both keys were listed before any content was written: the sweep took both records.
    expect(await swept).toMatchObject({ removed: 2, failed: 0 });
    expect(await dataSource.manager.countBy(DocumentEntity, { ownerMemberId: owner })).toBe(0);
    expect(keys).toHaveLength(2);
    // The content written after the sweep went with the failed upload: nothing stays, nothing is listed.
    expect(await held(keys)).toEqual([false, false]);
    expect(await listed(keys)).toEqual([]);
  });

  it('removed documents whose content cannot be deleted: rows gone at once, content swept later', async () => {
    const owner = await aMember();
    const stored = await storeAll(owner, twoUploads());
    const keys = stored.map((document) => document.storageKey);
    await store.goAway();
    expect(await documents.remove({ id: In(stored.map((document) => document.id)), applicationId: IsNull() })).toBe(2);
    expect(await dataSource.manager.countBy(DocumentEntity, { ownerMemberId: owner })).toBe(0);
    expect(await held(keys)).toEqual([true, true]);
    await store.comeBack();
    await sweeper.sweep({ graceSeconds: HOUR, now: later(2 * HOUR) });
    expect(await held(keys)).toEqual([false, false]);
    expect(await listed(keys)).toEqual([]);
  });

  it('never sweeps content a committed row names, even if its key is listed', async () => {
    const owner = await aMember();
    const stored = await storeAll(owner, twoUploads());
    const keys = stored.map((document) => document.storageKey);
    expect(await listed(keys)).toEqual([]);
    // A stale record for a referenced key (e.g. a remove() that lost a race with a link).
    await dataSource.manager.insert(UnreferencedDocumentKeyEntity, { storageKey: keys[0], recordedAt: new Date(Date.now() - 5 * HOUR * 1_000) });
    const outcome = await sweeper.sweep({ graceSeconds: HOUR, now: later(10 * HOUR) });
    expect(outcome.referenced).toBe(1);
    expect(await held(keys)).toEqual([true, true]);
    expect(await listed(keys)).toEqual([]);
    const opened = await documents.open(stored[0].id, { ownerMemberId: owner });
    expect(opened.document.storageKey).toBe(keys[0]);
  });

  it("the worker's schedule runs the sweep and counts what it removed", async () => {
    const owner = await aMember();
    const uploads = twoUploads();
    let keys: string[] = [];
    await expect(
      documents.transaction(uploads, async (_manager, writer) => {
        keys = (await writer.store({ ownerMemberId: owner, documents: uploads.map((upload) => ({ upload, kind: 'PROOF' })) })).map((row) => row.storageKey);
        await store.goAway();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await store.comeBack();
    // Aged past the grace the worker is configured with.
    await dataSource.manager.update(UnreferencedDocumentKeyEntity, { storageKey: In(keys) }, { recordedAt: new Date(Date.now() - 2 * HOUR * 1_000) });
    const config = loadConfig({ DOCUMENTS_SWEEP_GRACE_SECONDS: String(HOUR) });
    const schedule = new DocumentSweepSchedule(config, sweeper);
    const removedBefore = await removedCount();
    await schedule.runOnce();
    expect(await held(keys)).toEqual([false, false]);
    expect(await listed(keys)).toEqual([]);
    expect((await removedCount()) - removedBefore).toBeGreaterThanOrEqual(2);
  });
});

async function removedCount(): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('documents_swept_total')?.get();
  return metric?.values.find((value) => value.labels.outcome === 'removed')?.value ?? 0;
}
