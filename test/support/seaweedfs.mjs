// A SeaweedFS S3 server for a test file: the real binary (scripts/lib/seaweedfs.mjs), on free loopback
// ports, its log next to the run's other logs when a run directory exists.
import path from 'node:path';
import { findWeed, startSeaweedfs as start } from '../../scripts/lib/seaweedfs.mjs';

export async function startSeaweedfs({ bucket = 'documents' } = {}) {
  const logDir = process.env.TEST_RUN_DIR;
  return start({ weed: findWeed({ install: true }), bucket, logFile: logDir ? path.join(logDir, `seaweedfs-${process.pid}.log`) : undefined });
}
