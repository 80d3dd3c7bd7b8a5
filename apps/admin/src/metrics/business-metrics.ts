import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { TemporalGateway } from '#app/temporal';
import { metricsRegistry } from '#app/web';
import { LOGIN_ID_CHANGE_WORKFLOW_TYPE } from '#workflows/login-id-change/login-id-change.contract';
import { APPLICATION_WORKFLOW_TYPE } from '#workflows/required-info-application/application.contract';

// The flows of this product, by Temporal workflow type.
export const FLOW_TYPES = [APPLICATION_WORKFLOW_TYPE, LOGIN_ID_CHANGE_WORKFLOW_TYPE] as const;
// Temporal's execution statuses, as the visibility query language names them.
export const EXECUTION_STATUSES = ['Running', 'Completed', 'Failed', 'TimedOut', 'Terminated', 'Canceled', 'ContinuedAsNew'] as const;
// Statuses a review is still waiting in (the queue); decided ones leave it.
const QUEUE_STATUSES = ['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'AWAITING_SECOND_APPROVAL'];
const COUNT_DEADLINE_MS = 3_000;
const SHARED_READ_MS = 1_000;

/** What the gauges read at scrape time; the admin app's running instance (tests start several in one process). */
let source: BusinessMetricsSource | undefined;

interface BusinessMetricsSource {
  flowCounts(): Promise<Array<{ type: string; status: string; count: number }>>;
  applicationCounts(): Promise<Array<{ status: string; overdue: boolean; count: number }>>;
  noticeCounts(): Promise<Array<{ channel: string; template: string; count: number }>>;
}

// A source that cannot answer leaves its gauges empty (business_metrics_source_up says why) instead of failing the scrape.
async function settle<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch {
    return undefined;
  }
}

// Counted by Temporal visibility at scrape time: nothing in the workflows or activities counts them.
export const flowExecutions = new Gauge({
  name: 'business_flow_executions',
  // Flows started = the sum over statuses; completed / failed / timed out are their own statuses.
  help: 'Workflow executions by type and Temporal status (Running, Completed, Failed, TimedOut, …), from Temporal visibility; the sum over statuses is the flows started',
  labelNames: ['type', 'status'] as const,
  registers: [metricsRegistry],
  async collect() {
    if (!source) return;
    this.reset();
    const counts = await settle(() => source!.flowCounts());
    if (!counts) return;
    for (const { type, status, count } of counts) this.set({ type, status }, count);
  },
});

export const applicationsByStatus = new Gauge({
  name: 'business_applications',
  help: 'Required-information applications by status (EXPIRED, APPROVED, … and the open ones), from the database',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
  async collect() {
    if (!source) return;
    this.reset();
    const counts = await settle(() => source!.applicationCounts());
    if (!counts) return;
    const byStatus = new Map<string, number>();
    for (const row of counts) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.count);
    for (const [status, count] of byStatus) this.set({ status }, count);
  },
});

export const reviewQueueDepth = new Gauge({
  name: 'review_queue_depth',
  help: 'Applications waiting in the review queue, by status',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
  async collect() {
    if (!source) return;
    this.reset();
    const counts = (await settle(() => source!.applicationCounts())) ?? [];
    for (const status of QUEUE_STATUSES)
      this.set(
        { status },
        counts.filter((row) => row.status === status).reduce((sum, row) => sum + row.count, 0),
      );
  },
});

export const reviewQueueOverdue = new Gauge({
  name: 'review_queue_overdue',
  help: 'Applications in the review queue flagged overdue, by status',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
  async collect() {
    if (!source) return;
    this.reset();
    const counts = (await settle(() => source!.applicationCounts())) ?? [];
    for (const status of QUEUE_STATUSES)
      this.set(
        { status },
        counts.filter((row) => row.status === status && row.overdue).reduce((sum, row) => sum + row.count, 0),
      );
  },
});

export const noticesSent = new Gauge({
  name: 'notices_sent',
  help: 'Notifications delivered (notification_deliveries), by channel and template',
  labelNames: ['channel', 'template'] as const,
  registers: [metricsRegistry],
  async collect() {
    if (!source) return;
    this.reset();
    const counts = await settle(() => source!.noticeCounts());
    for (const { channel, template, count } of counts ?? []) this.set({ channel, template }, count);
  },
});

// Reads the same (shared, once per scrape) results as the gauges it describes.
export const businessMetricsUp = new Gauge({
  name: 'business_metrics_source_up',
  help: 'Whether this scrape could read each source of the business metrics (1) or not (0)',
  labelNames: ['source'] as const,
  registers: [metricsRegistry],
  async collect() {
    if (!source) return;
    const current = source;
    const [temporal, database] = await Promise.all([
      current.flowCounts().then(
        () => 1,
        () => 0,
      ),
      Promise.all([current.applicationCounts(), current.noticeCounts()]).then(
        () => 1,
        () => 0,
      ),
    ]);
    this.set({ source: 'temporal' }, temporal);
    this.set({ source: 'database' }, database);
  },
});

/**
 * Business figures for /metrics, computed when Prometheus scrapes (no counters to keep in the
 * workflows): flow executions from Temporal visibility counts, queue depth and overdue counts and
 * delivered notices from the database. A source that cannot answer reports 0 in
 * business_metrics_source_up and its gauges stay empty, rather than failing the scrape.
 */
@Injectable()
export class BusinessMetrics implements OnModuleInit, OnModuleDestroy {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalGateway,
  ) {}

  private readonly asSource: BusinessMetricsSource = {
    flowCounts: () => this.shared('flows', () => this.flowCounts()),
    applicationCounts: () => this.shared('applications', () => this.applicationCounts()),
    noticeCounts: () => this.shared('notices', () => this.noticeCounts()),
  };

  // One scrape reads each source once, although several gauges use it.
  private readonly recent = new Map<string, { at: number; result: Promise<unknown> }>();

  onModuleInit(): void {
    source = this.asSource;
  }

  onModuleDestroy(): void {
    if (source === this.asSource) source = undefined;
  }

  private shared<T>(key: string, read: () => Promise<T>): Promise<T> {
    const cached = this.recent.get(key);
    if (cached && Date.now() - cached.at < SHARED_READ_MS) return cached.result as Promise<T>;
    const result = read();
    this.recent.set(key, { at: Date.now(), result });
    return result;
  }

  async flowCounts(): Promise<Array<{ type: string; status: string; count: number }>> {
    const client = await this.temporal.client();
    return client.connection.withDeadline(Date.now() + COUNT_DEADLINE_MS, () =>
      Promise.all(
        FLOW_TYPES.flatMap((type) =>
          EXECUTION_STATUSES.map(async (status) => ({
            type,
            status,
            count: (await client.workflow.count(`WorkflowType="${type}" AND ExecutionStatus="${status}"`)).count,
          })),
        ),
      ),
    );
  }

  async applicationCounts(): Promise<Array<{ status: string; overdue: boolean; count: number }>> {
    const rows: Array<{ status: string; overdue: unknown; count: unknown }> = await this.dataSource.query(
      'SELECT status, overdue, COUNT(*) AS count FROM required_info_applications GROUP BY status, overdue',
    );
    return rows.map((row) => ({ status: row.status, overdue: row.overdue === true || Number(row.overdue) === 1, count: Number(row.count) }));
  }

  async noticeCounts(): Promise<Array<{ channel: string; template: string; count: number }>> {
    const rows: Array<{ channel: string; template: string; count: unknown }> = await this.dataSource.query(
      'SELECT channel, template, COUNT(*) AS count FROM notification_deliveries GROUP BY channel, template',
    );
    return rows.map((row) => ({ channel: row.channel, template: row.template, count: Number(row.count) }));
  }
}
