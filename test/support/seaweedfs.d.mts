export interface Seaweedfs {
  readonly endpoint: string;
  readonly bucket: string;
  /** DOCUMENTS_STORAGE=s3 and the S3_* variables pointing at this server. */
  readonly env: Record<
    'DOCUMENTS_STORAGE' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_BUCKET' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE',
    string
  >;
  readonly dataDir: string;
  readonly pid: number;
  stop(): Promise<void>;
}
export function startSeaweedfs(options?: { bucket?: string }): Promise<Seaweedfs>;
