import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where document contents live (a local folder in the embedded default; object storage in
 * production). Keys are made by `newStorageKey()`, never from a client's file name.
 */
export interface DocumentStorage {
  /** Stores the content under `key` atomically: readers see all of it or nothing. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The content as a stream (never buffered whole); throws StoredContentMissingError when nothing is stored under `key`. */
  get(key: string): Promise<Readable>;
  /** Removes the content; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** For /health: whether the store answers (absent: always up). */
  status?(): Promise<'up' | 'down'>;
}

/** Nest injection token of the configured DocumentStorage. */
export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

const STORAGE_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A fresh random storage key (a UUID v4). */
export function newStorageKey(): string {
  return randomUUID();
}

/** True for a key that newStorageKey could have made; adapters refuse anything else. */
export function isStorageKey(key: string): boolean {
  return STORAGE_KEY.test(key);
}

/** A row names content that the storage does not hold: data was lost, a server-side fault. */
export class StoredContentMissingError extends Error {
  constructor(readonly key: string) {
    super(`No stored content for document key ${key}`);
    this.name = 'StoredContentMissingError';
  }
}
