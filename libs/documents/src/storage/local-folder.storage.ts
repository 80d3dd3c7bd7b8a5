import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { isStorageKey, StoredContentMissingError, type DocumentStorage } from './document-storage.js';

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/**
 * Documents as files under one root folder (DOCUMENTS_DIR), outside anything the apps serve:
 * `<root>/<first two key characters>/<key>`, readable by the service user only. A write goes to a
 * temporary file in the same folder, is flushed, then renamed into place.
 */
export class LocalFolderDocumentStorage implements DocumentStorage {
  constructor(private readonly root: string) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temporary = path.join(path.dirname(target), `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await fs.open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, target);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const handle = await fs.open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) throw new StoredContentMissingError(key);
      throw error;
    }
  }

  /** Also removes a temporary file a crashed `put` of this key left behind (the sweeper deletes such keys). */
  async delete(key: string): Promise<void> {
    const target = this.pathOf(key);
    await fs.rm(target, { force: true });
    const folder = path.dirname(target);
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const name of names) if (name.startsWith(`.${key}.`) && name.endsWith('.tmp')) await fs.rm(path.join(folder, name), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(key));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  private pathOf(key: string): string {
    // Keys come from newStorageKey; anything else (a corrupted row, a file name) never reaches the file system.
    if (!isStorageKey(key)) throw new Error('Invalid document storage key');
    return path.join(this.root, key.slice(0, 2), key);
  }
}
