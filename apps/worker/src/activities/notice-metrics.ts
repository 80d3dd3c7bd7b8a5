import { Counter } from 'prom-client';
import { metricsRegistry } from '#app/web';

/**
 * Attempts of a queued notice that failed after it had already failed before (the third attempt
 * on): the transport has been failing for a while. Alert on its rate; each one is also logged.
 */
export const noticesFailingTotal = new Counter({
  name: 'notices_failing_total',
  help: 'Notice attempts that keep failing (third attempt on), by channel',
  labelNames: ['channel'] as const,
  registers: [metricsRegistry],
});

/** From this attempt on a failing notice is logged and counted. */
export const NOTICE_FAILING_FROM_ATTEMPT = 3;
