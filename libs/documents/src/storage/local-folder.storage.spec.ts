import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { newStorageKey, StoredContentMissingError } from './document-storage.js';
import { LocalFolderDocumentStorage } from './local-folder.storage.js';

async function readAll(content: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(content)) return content;
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe('LocalFolderDocumentStorage', () => {
  let root: string;
  let storage: LocalFolderDocumentStorage;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'documents-'));
    storage = new LocalFolderDocumentStorage(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stores, reads back, reports and deletes content under a generated key', async () => {
    const key = newStorageKey();
    await storage.put(key, Buffer.from('%PDF-1.7 content'));
    expect(await storage.exists(key)).toBe(true);
    expect((await readAll(await storage.get(key))).toString()).toBe('%PDF-1.7 content');
    // Only the final file remains: the temporary one was renamed into place.
    expect(filesUnder(root)).toEqual([key]);
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    expect(filesUnder(root)).toEqual([]);
  });

  it('keeps the files private to the service user', async () => {
    const key = newStorageKey();
    await storage.put(key, Buffer.from('x'));
    const mode = fs.statSync(path.join(root, key.slice(0, 2), key)).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('deleting a missing key is not an error; reading one is StoredContentMissingError', async () => {
    const key = newStorageKey();
    await expect(storage.delete(key)).resolves.toBeUndefined();
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredContentMissingError);
  });

  it.each(['../escape', 'a/b', 'proof.pdf', '', '..'])('refuses the key %p before touching the file system', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow('Invalid document storage key');
    await expect(storage.exists(key)).rejects.toThrow('Invalid document storage key');
    expect(filesUnder(path.dirname(root)).filter((name) => name === 'escape')).toEqual([]);
  });

  it('deleting a key also removes the temporary file a crashed write of it left, and nothing else', async () => {
    const key = newStorageKey();
    const other = `${key.slice(0, 2)}${newStorageKey().slice(2)}`;
    await storage.put(other, Buffer.from('kept'));
    const folder = path.join(root, key.slice(0, 2));
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `.${key}.0123456789ab.tmp`), 'half');
    await storage.delete(key);
    expect(filesUnder(root)).toEqual([other]);
  });

  it('leaves no temporary file behind when a write fails', async () => {
    const key = newStorageKey();
    // A directory where the final file should go makes the rename fail after the data was written.
    fs.mkdirSync(path.join(root, key.slice(0, 2), key), { recursive: true });
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow();
    expect(filesUnder(root)).toEqual([]);
  });
});
