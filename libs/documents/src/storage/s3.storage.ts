import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { DomainError, ErrorCode } from '#app/core';
import { isStorageKey, StoredContentMissingError, type DocumentStorage } from './document-storage.js';

export interface S3StorageConfig {
  /** Unset: AWS's own endpoint for the region. */
  readonly endpoint: string | undefined;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** `bucket` in the path rather than the host name (SeaweedFS, MinIO, most S3-compatible stores). */
  readonly forcePathStyle: boolean;
}

// Objects live under this prefix, so the bucket can hold other things.
const PREFIX = 'documents/';

// The SDK is ~15 MB resident once loaded: it loads with the first S3 store (DOCUMENTS_STORAGE=s3),
// not in every process that imports this library and keeps its documents in a folder (quality.md P6).
const require = createRequire(import.meta.url);
let loaded: typeof import('@aws-sdk/client-s3') | undefined;
const sdk = (): typeof import('@aws-sdk/client-s3') => (loaded ??= require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3'));

/**
 * Documents as objects in an S3-compatible store (DOCUMENTS_STORAGE=s3: NAVER Cloud Object
 * Storage, AWS S3, SeaweedFS, MinIO). A PUT is atomic (readers see all of the object or none);
 * reads stream the object body. A store that cannot be reached is SERVICE_UNAVAILABLE (503);
 * the SDK's bounded retries cover brief faults.
 */
export class S3DocumentStorage implements DocumentStorage {
  private readonly client: S3Client;

  constructor(private readonly config: S3StorageConfig) {
    this.client = new (sdk().S3Client)({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 2_000, requestTimeout: 15_000 },
    });
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const Key = objectKey(key);
    await this.call(() =>
      this.client.send(
        new (sdk().PutObjectCommand)({ Bucket: this.config.bucket, Key, Body: bytes, ContentLength: bytes.length, ContentType: 'application/octet-stream' }),
      ),
    );
  }

  async get(key: string): Promise<Readable> {
    const Key = objectKey(key);
    try {
      const object = await this.call(() => this.client.send(new (sdk().GetObjectCommand)({ Bucket: this.config.bucket, Key })));
      return object.Body as Readable;
    } catch (error) {
      if (isNotFound(error)) throw new StoredContentMissingError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const Key = objectKey(key);
    // S3 answers 204 for a missing key too.
    await this.call(() => this.client.send(new (sdk().DeleteObjectCommand)({ Bucket: this.config.bucket, Key })));
  }

  async exists(key: string): Promise<boolean> {
    const Key = objectKey(key);
    try {
      await this.call(() => this.client.send(new (sdk().HeadObjectCommand)({ Bucket: this.config.bucket, Key })));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async status(): Promise<'up' | 'down'> {
    try {
      await this.client.send(new (sdk().HeadBucketCommand)({ Bucket: this.config.bucket }), { abortSignal: AbortSignal.timeout(2_000) });
      return 'up';
    } catch {
      return 'down';
    }
  }

  close(): void {
    this.client.destroy();
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (isNotFound(error)) throw error;
      // Refused credentials or a missing bucket are configuration faults: a 500 with the SDK's message in the log.
      if (error instanceof sdk().S3ServiceException && error.$metadata.httpStatusCode !== undefined && error.$metadata.httpStatusCode < 500) throw error;
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The document store is unavailable; retry shortly', { dependency: 'storage' });
    }
  }
}

function objectKey(key: string): string {
  // Keys come from newStorageKey; anything else never reaches the store.
  if (!isStorageKey(key)) throw new Error('Invalid document storage key');
  return `${PREFIX}${key}`;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || (error instanceof sdk().S3ServiceException && error.$metadata.httpStatusCode === 404);
}
