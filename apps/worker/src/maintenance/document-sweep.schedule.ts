import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Counter } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DocumentOrphanSweeper, type SweepOutcome } from '#app/documents';
import { metricsRegistry } from '#app/web';

/** Unreferenced document content the sweeps dealt with: removed, kept (a row names it), or failed (retried next sweep). */
export const documentsSweptTotal = new Counter({
  name: 'documents_swept_total',
  help: 'Unreferenced document keys handled by the worker sweep, by outcome (removed, referenced, failed)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

/**
 * Runs DocumentOrphanSweeper in every worker replica: once at start, then every
 * DOCUMENTS_SWEEP_INTERVAL_SECONDS (0 = off). Not a Temporal schedule: the sweep keeps no state of
 * its own (the table is the state), every step is idempotent, and replicas sweeping at once only
 * repeat harmless deletes; storage hygiene then needs no Temporal server. One sweep at a time per
 * process; shutdown waits for a running one (before the database closes).
 */
@Injectable()
export class DocumentSweepSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DocumentSweepSchedule.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sweeper: DocumentOrphanSweeper,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.documentsSweep.intervalSeconds === 0) {
      this.logger.log('document sweep off (DOCUMENTS_SWEEP_INTERVAL_SECONDS=0)');
      return;
    }
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One sweep now (also what the timer runs); never throws. */
  runOnce(): Promise<void> {
    this.running ??= this.sweep().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce().then(() => this.schedule(this.config.documentsSweep.intervalSeconds * 1_000));
    }, delayMs);
    // A pending sweep never keeps the process alive.
    this.timer.unref();
  }

  private async sweep(): Promise<void> {
    try {
      const outcome: SweepOutcome = await this.sweeper.sweep({ graceSeconds: this.config.documentsSweep.graceSeconds });
      for (const [label, count] of Object.entries(outcome)) if (count > 0) documentsSweptTotal.inc({ outcome: label }, count);
    } catch (error) {
      // The database is down, most likely: the next sweep tries again.
      this.logger.warn(`document sweep failed: ${(error as Error).message}`);
    }
  }
}
