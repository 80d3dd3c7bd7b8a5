import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { NOTIFICATION_METRICS } from '#app/notifications';

/** The process's Prometheus registry: Node defaults plus HTTP request counters. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });
// Every process that sends notifications (API, admin app, worker) counts them in libs/notifications.
for (const metric of NOTIFICATION_METRICS) metricsRegistry.registerMetric(metric);

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const problemsTotal = new Counter({
  name: 'http_problems_total',
  help: 'Problem documents answered, by code',
  labelNames: ['code'] as const,
  registers: [metricsRegistry],
});

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  async metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
