import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { In, IsNull, type DataSource } from 'typeorm';
import { DomainError } from '../../libs/core/src/index.js';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  DocumentEntity,
  DocumentsService,
  LocalFolderDocumentStorage,
  S3DocumentStorage,
  validateUploads,
  UnreferencedDocumentKeyEntity,
  type DocumentStorage,
  type ValidatedUpload,
} from '../../libs/documents/src/index.js';
import { MemberEntity } from '../../libs/members/src/index.js';
import { insertMemberRow } from '../support/member-rows.js';
import { openMigrated } from '../support/migrated-data-source.js';
import { startSeaweedfs, type Seaweedfs } from '../support/seaweedfs.mjs';
import { createTestDatabase, type TestDatabase } from '../support/test-database.mjs';

const fixture = (name: string) => fs.readFileSync(path.resolve('test/fixtures', name));

/** Storage that fails the n-th write (after writing part of it, like a full disk would). */
class FailingStorage implements DocumentStorage {
  private puts = 0;

  constructor(
    private readonly inner: DocumentStorage,
    private readonly failOnPut: number,
  ) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    this.puts += 1;
    if (this.puts === this.failOnPut) {
      await this.inner.put(key, bytes.subarray(0, 3));
      throw new Error('ENOSPC: no space left on device');
    }
    await this.inner.put(key, bytes);
  }
  get(key: string) {
    return this.inner.get(key);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
  exists(key: string) {
    return this.inner.exists(key);
  }
}

function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

async function readAll(content: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(content)) return content;
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

/** Where contents go: the local folder (the embedded default) and a real S3 store (SeaweedFS). */
interface StorageUnderTest {
  readonly storage: DocumentStorage;
  /** The keys of every stored content, however the storage lays them out. */
  storedKeys(): Promise<string[]>;
  cleanUp(): Promise<void>;
}

function localFolder(): StorageUnderTest {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'documents-it-'));
  return {
    storage: new LocalFolderDocumentStorage(root),
    storedKeys: async () => filesUnder(root),
    cleanUp: async () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** S3 storage on the server's one bucket (SeaweedFS gives each bucket volumes of its own); only this test's keys count. */
function s3Bucket(weed: Seaweedfs): StorageUnderTest {
  const settings = {
    endpoint: weed.endpoint,
    region: 'us-east-1',
    bucket: weed.bucket,
    accessKeyId: weed.env.S3_ACCESS_KEY_ID,
    secretAccessKey: weed.env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: true,
  };
  const client = new S3Client({ ...settings, credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } });
  const inner = new S3DocumentStorage(settings);
  const asked = new Set<string>();
  const storage: DocumentStorage = {
    put: (key, bytes) => {
      asked.add(key);
      return inner.put(key, bytes);
    },
    get: (key) => inner.get(key),
    delete: (key) => inner.delete(key),
    exists: (key) => inner.exists(key),
  };
  return {
    storage,
    storedKeys: async () => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: weed.bucket, Prefix: 'documents/' }));
      return (listed.Contents ?? []).map((object) => object.Key!.replace(/^documents\//, '')).filter((key) => asked.has(key));
    },
    cleanUp: async () => {
      inner.close();
      client.destroy();
    },
  };
}

describe.each(['local', 's3'] as const)(`documents on ${process.env.TEST_DB ?? 'sqlite'} with %s storage`, (kind) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let weed: Seaweedfs | undefined;
  let underTest: StorageUnderTest;
  let storage: DocumentStorage;
  let documents: DocumentsService;
  const storedKeys = () => underTest.storedKeys();

  const threeUploads = (): ValidatedUpload[] =>
    validateUploads(
      [
        { field: 'proofDocuments', originalName: '../../secret/proof.pdf', bytes: fixture('valid/proof.pdf') },
        { field: 'proofDocuments', originalName: 'scan.png', bytes: fixture('valid/proof.png') },
        { field: 'proofDocuments', originalName: '사진.jpg', bytes: fixture('valid/proof.jpg') },
      ],
      [{ name: 'proofDocuments', minFiles: 1, maxFiles: 4 }],
    );

  const aMember = () => insertMemberRow(dataSource);

  const rowsOf = (ownerMemberId: string) => dataSource.manager.countBy(DocumentEntity, { ownerMemberId });
  /** Keys recorded as possibly stored without a row (what the worker's sweeper would look at). */
  const unreferencedKeys = async () => (await dataSource.manager.find(UnreferencedDocumentKeyEntity)).map((row) => row.storageKey);
  /** Stores `uploads` as PROOF documents of `owner` in one committed batch. */
  const storeAll = (owner: string, uploads: ValidatedUpload[], extra: { applicationId?: string; inquiryId?: string } = {}, on = documents) =>
    on.transaction(uploads, (_manager, writer) =>
      writer.store({ ownerMemberId: owner, ...extra, documents: uploads.map((upload) => ({ upload, kind: 'PROOF' })) }),
    );

  beforeAll(async () => {
    database = await createTestDatabase('documents');
    dataSource = await openMigrated(database.url, [MemberEntity, DocumentEntity, UnreferencedDocumentKeyEntity]);
    if (kind === 's3') weed = await startSeaweedfs();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await weed?.stop();
  });
  beforeEach(async () => {
    underTest = kind === 's3' ? s3Bucket(weed!) : localFolder();
    storage = underTest.storage;
    documents = new DocumentsService(dataSource, storage);
  });
  afterEach(() => underTest.cleanUp());

  it('stores a batch: files under generated keys, rows with the detected type, size and hash', async () => {
    const owner = await aMember();
    const applicationId = randomUUID();
    const stored = await storeAll(owner, threeUploads(), { applicationId });
    expect((await storedKeys()).sort()).toEqual(stored.map((document) => document.storageKey).sort());
    // Committed rows: none of their keys is left for the sweeper.
    expect(await unreferencedKeys()).toEqual([]);
    const rows = await documents.listForApplication(applicationId);
    expect(rows.map((row) => [row.originalName, row.mediaType, row.kind])).toEqual([
      ['proof.pdf', 'application/pdf', 'PROOF'],
      ['scan.png', 'image/png', 'PROOF'],
      ['사진.jpg', 'image/jpeg', 'PROOF'],
    ]);
    expect(rows[0].sizeBytes).toBe(fixture('valid/proof.pdf').length);
    expect(rows[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.every((row) => /^[0-9a-f-]{36}$/.test(row.storageKey))).toBe(true);
    expect(rows.every((row) => row.inquiryId === null && row.applicationId === applicationId)).toBe(true);
  });

  it('opens a document for its owner and answers NOT_FOUND to anyone else', async () => {
    const owner = await aMember();
    const other = await aMember();
    const [document] = await storeAll(owner, threeUploads().slice(0, 1));
    const opened = await documents.open(document.id, { ownerMemberId: owner });
    expect((await readAll(opened.content)).equals(fixture('valid/proof.pdf'))).toBe(true);
    const refused = await failureOf(documents.open(document.id, { ownerMemberId: other }));
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('NOT_FOUND');
    expect(((await failureOf(documents.open(document.id, { ownerMemberId: owner, inquiryId: randomUUID() }))) as DomainError).code).toBe('NOT_FOUND');
    // A missing owner must not widen the scope.
    await expect(documents.open(document.id, { ownerMemberId: undefined as unknown as string })).rejects.toThrow('must be a non-empty string');
  });

  it('leaves no file and no row when a write fails after some files were written', async () => {
    const owner = await aMember();
    const failing = new DocumentsService(dataSource, new FailingStorage(storage, 3));
    const error = await failureOf(storeAll(owner, threeUploads(), {}, failing));
    expect(String(error)).toContain('ENOSPC');
    expect(await storedKeys()).toEqual([]);
    expect(await rowsOf(owner)).toBe(0);
    expect(await unreferencedKeys()).toEqual([]);
  });

  it('removes the written files when the rows cannot be inserted', async () => {
    const unknownOwner = randomUUID(); // no such member: the foreign key refuses the rows
    const error = await failureOf(storeAll(unknownOwner, threeUploads()));
    expect(error).toBeInstanceOf(Error);
    expect(await storedKeys()).toEqual([]);
    expect(await rowsOf(unknownOwner)).toBe(0);
  });

  it('transaction(): a failure after storing rolls the rows back and removes every batch stored in it', async () => {
    const owner = await aMember();
    const uploads = threeUploads();
    const error = await failureOf(
      documents.transaction(uploads, async (manager, writer) => {
        const [form, ...proofs] = uploads;
        await writer.store({ ownerMemberId: owner, documents: [{ upload: form, kind: 'APPLICATION_FORM' }] });
        await writer.store({ ownerMemberId: owner, documents: proofs.map((upload) => ({ upload, kind: 'PROOF' })) });
        expect(await storedKeys()).toHaveLength(3);
        expect(await manager.countBy(DocumentEntity, { ownerMemberId: owner })).toBe(3);
        throw new Error('the application insert failed');
      }),
    );
    expect(String(error)).toContain('the application insert failed');
    expect(await storedKeys()).toEqual([]);
    expect(await rowsOf(owner)).toBe(0);
    expect(await unreferencedKeys()).toEqual([]);
  });

  it('transaction(): commits files and rows together when the work succeeds', async () => {
    const owner = await aMember();
    const inquiryId = randomUUID();
    const uploads = threeUploads();
    const stored = await documents.transaction(uploads, (_manager, writer) =>
      writer.store({ ownerMemberId: owner, inquiryId, documents: uploads.map((upload) => ({ upload, kind: 'INQUIRY_ATTACHMENT' })) }),
    );
    expect(await rowsOf(owner)).toBe(3);
    expect(await storedKeys()).toHaveLength(3);
    const listed = await documents.listForInquiries([inquiryId]);
    expect(listed.map((document) => document.id)).toEqual(stored.map((document) => document.id));
  });

  it('refuses uploads that did not come from validateUploads', async () => {
    const owner = await aMember();
    const [upload] = threeUploads();
    const forged = { ...upload, mediaType: 'application/pdf' as const, bytes: fixture('invalid/renamed-linux-executable.pdf') };
    await expect(storeAll(owner, [forged])).rejects.toThrow('validateUploads');
    expect(await storedKeys()).toEqual([]);
    expect(await rowsOf(owner)).toBe(0);
  });

  it('removes the uploads the work did not store, after the commit', async () => {
    const owner = await aMember();
    const uploads = threeUploads();
    const stored = await documents.transaction(uploads, (_manager, writer) =>
      writer.store({ ownerMemberId: owner, documents: [{ upload: uploads[0], kind: 'PROOF' }] }),
    );
    expect(await storedKeys()).toEqual([stored[0].storageKey]);
    expect(await rowsOf(owner)).toBe(1);
    expect(await unreferencedKeys()).toEqual([]);
  });

  it('remove() deletes the matching rows and their content, and tolerates content already gone', async () => {
    const owner = await aMember();
    const stored = await storeAll(owner, threeUploads());
    await storage.delete(stored[0].storageKey);
    // Only the rows still matching go: a document linked meanwhile keeps its content.
    const applicationId = randomUUID();
    await dataSource.manager.update(DocumentEntity, { id: stored[2].id }, { applicationId });
    const removed = await documents.remove({ id: In(stored.map((document) => document.id)), applicationId: IsNull() });
    expect(removed).toBe(2);
    expect(await storedKeys()).toEqual([stored[2].storageKey]);
    expect((await documents.listForApplication(applicationId)).map((document) => document.id)).toEqual([stored[2].id]);
    expect(await unreferencedKeys()).toEqual([]);
  });
});
