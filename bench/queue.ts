// P5 (docs/quality.md): the reviewer queue with 1,000,000 applications (100,000 open) in MySQL. Measures
// the first page (50, oldest first, overdue flagged) through the real query code, and prints the
// EXPLAIN of its SQL: it must be an index range/ordered index scan, never a full scan or filesort.
// Run by hand: `npm run bench:queue`. Loopback only; the database is dropped at the end.
//
// Environment: BENCH_MYSQL_URL (server, default mysql://root@127.0.0.1:3306/), BENCH_ROWS (1000000).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { ApplicationEventEntity, ApplicationsQuery, RequiredInfoApplicationEntity, type QueueFilter } from '#app/applications';
import { parseDatabaseUrl } from '#app/config';
import { DocumentEntity, DocumentsService } from '#app/documents';
import { MemberEntity } from '#app/members';
import { dataSourceOptions } from '#app/persistence';
import { summariseLatencies } from './lib/percentile.js';

const TARGET_MS = 20;
const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const serverUrl = new URL(process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/');
if (!['127.0.0.1', 'localhost', '[::1]'].includes(serverUrl.hostname)) throw new Error('BENCH_MYSQL_URL must be a loopback server');
serverUrl.pathname = '/';
const databaseName = `mac_bench_queue_${randomBytes(4).toString('hex')}`;

const admin = await createConnection({ uri: serverUrl.toString(), multipleStatements: true });
await admin.query(`CREATE DATABASE \`${databaseName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
const url = new URL(serverUrl);
url.pathname = `/${databaseName}`;
const dataSource = new DataSource(
  dataSourceOptions(parseDatabaseUrl(url.toString()), { entities: [RequiredInfoApplicationEntity, ApplicationEventEntity, MemberEntity, DocumentEntity] }),
);
try {
  await dataSource.initialize();
  await dataSource.runMigrations();
  console.log(`P5 — reviewer queue, ${rows.toLocaleString('en')} applications, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
  const started = Date.now();
  // 1 in 10 open (half SUBMITTED, half IN_REVIEW), a third of the open ones overdue; the rest decided.
  await dataSource.query(`
    INSERT INTO required_info_applications
      (id, member_id, open_member_id, status, requested_name, reason, overdue, submitted_at, status_since)
    WITH RECURSIVE digits(d) AS (SELECT 0 UNION ALL SELECT d + 1 FROM digits WHERE d < 9),
    seq AS (SELECT a.d + 10*b.d + 100*c.d + 1000*e.d + 10000*f.d + 100000*g.d AS n
            FROM digits a, digits b, digits c, digits e, digits f, digits g)
    SELECT LPAD(HEX(n), 36, '0'), LPAD(HEX(n), 36, 'm'),
           IF(n % 10 = 0, LPAD(HEX(n), 36, 'm'), NULL),
           CASE WHEN n % 20 = 0 THEN 'SUBMITTED' WHEN n % 10 = 0 THEN 'IN_REVIEW' WHEN n % 3 = 0 THEN 'REJECTED' ELSE 'APPROVED' END,
           'New Name', 'bench', n % 30 = 0,
           TIMESTAMPADD(SECOND, n, '2026-01-01'), TIMESTAMPADD(SECOND, n, '2026-01-01')
    FROM seq WHERE n < ${rows}`);
  await dataSource.query('ANALYZE TABLE required_info_applications');
  console.log(`  inserted in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const query = new ApplicationsQuery(dataSource, new DocumentsService(dataSource, undefined as never));
  const results: string[] = [];
  const filters: Array<[string, QueueFilter]> = [
    ['default (SUBMITTED + IN_REVIEW)', {}],
    ['status=SUBMITTED', { status: 'SUBMITTED' }],
    ['overdue=true', { overdue: true }],
  ];
  for (const [label, filter] of filters) {
    for (let i = 0; i < 5; i++) await query.queue({ ...filter, limit: 50 });
    const latencies: number[] = [];
    let nextCursor: string | null = null;
    // 500 samples: a p99 of 50 would be their worst one.
    for (let i = 0; i < 500; i++) {
      const t0 = process.hrtime.bigint();
      const page = await query.queue({ ...filter, limit: 50 });
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      nextCursor = page.nextCursor;
    }
    const cursorLatencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = process.hrtime.bigint();
      await query.queue({ ...filter, limit: 50, cursor: nextCursor ?? undefined });
      cursorLatencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const first = summariseLatencies(latencies);
    const next = summariseLatencies(cursorLatencies);
    console.log(
      `  ${label.padEnd(32)} first page p50 ${first.p50.toFixed(2)} ms p99 ${first.p99.toFixed(2)} ms; next page p50 ${next.p50.toFixed(2)} ms (target ≤ ${TARGET_MS} ms: ${first.p99 <= TARGET_MS ? 'PASS' : 'MISS'})`,
    );
    results.push(`RESULT P5 filter="${label}" p99=${first.p99.toFixed(2)}ms target=${TARGET_MS}ms ${first.p99 <= TARGET_MS ? 'PASS' : 'MISS'}`);
  }
  // The SQL the default first page runs (one statement per status), explained.
  let bad = false;
  for (const sql of query.queueSql({ limit: 50, overdue: undefined })) {
    const plan = (await dataSource.query(`EXPLAIN ${sql.query}`, sql.parameters)) as Array<Record<string, unknown>>;
    for (const row of plan) console.log(`  EXPLAIN: table=${row.table} type=${row.type} key=${row.key} rows=${row.rows} Extra=${row.Extra ?? ''}`);
    bad ||= plan.some((row) => row.type === 'ALL' || String(row.Extra ?? '').includes('filesort'));
  }
  console.log(`  plan: ${bad ? 'MISS (full scan or filesort)' : 'PASS (index ranges, no filesort)'}`);
  // docs/quality.md's result lines: the first page per filter, then the plan.
  console.log('');
  for (const line of results) console.log(line);
  console.log(`RESULT P5 plan=${bad ? 'scan_or_filesort' : 'index_range'} target=index_range ${bad ? 'MISS' : 'PASS'}`);
} finally {
  await dataSource.destroy().catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
  await admin.end();
}
