// S3DocumentStorage on a real S3 server (SeaweedFS): streamed reads, missing keys, and the store going away.
import type { Readable } from 'node:stream';
import { newStorageKey, S3DocumentStorage, StoredContentMissingError } from '../../libs/documents/src/index.js';
import { startSeaweedfs, type Seaweedfs } from '../support/seaweedfs.mjs';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('S3 document storage on SeaweedFS', () => {
  let weed: Seaweedfs;
  let storage: S3DocumentStorage;
  const settings = (endpoint: string) => ({
    endpoint,
    region: 'us-east-1',
    bucket: weed.bucket,
    accessKeyId: weed.env.S3_ACCESS_KEY_ID,
    secretAccessKey: weed.env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: true,
  });

  beforeAll(async () => {
    weed = await startSeaweedfs();
    storage = new S3DocumentStorage(settings(weed.endpoint));
  });
  afterAll(async () => {
    storage.close();
    await weed.stop();
  });

  it('stores, streams back, reports and deletes an object', async () => {
    const key = newStorageKey();
    const content = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    await storage.put(key, content);
    expect(await storage.exists(key)).toBe(true);
    const stream = await storage.get(key);
    expect(Buffer.isBuffer(stream)).toBe(false);
    expect(typeof stream.pipe).toBe('function');
    expect((await readAll(stream)).equals(content)).toBe(true);
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.delete(key)).resolves.toBeUndefined();
    await expect(storage.status()).resolves.toBe('up');
  });

  it('answers StoredContentMissingError for a key with no object, and refuses keys it did not make', async () => {
    await expect(storage.get(newStorageKey())).rejects.toBeInstanceOf(StoredContentMissingError);
    await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow('Invalid document storage key');
  });

  it('is SERVICE_UNAVAILABLE, and /health-down, when the store cannot be reached', async () => {
    // A port nothing listens on: the same as the store being down.
    const gone = new S3DocumentStorage(settings('http://127.0.0.1:1'));
    try {
      await expect(gone.put(newStorageKey(), Buffer.from('%PDF-1.7'))).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      await expect(gone.get(newStorageKey())).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      await expect(gone.status()).resolves.toBe('down');
    } finally {
      gone.close();
    }
  });
});
