import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The portal's own Prometheus registry (it does not load libs/web, which needs the database). */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const pageDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const apiCallDuration = new Histogram({
  name: 'portal_api_call_duration_seconds',
  help: 'Duration of the calls the portal makes to the member API',
  labelNames: ['method'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});
