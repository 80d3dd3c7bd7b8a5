import type { Request, Response, Router } from 'express';
import { PORTAL_CSS } from '../assets/portal-css.js';
import { PORTAL_JS } from '../assets/portal-js.js';
import { metricsRegistry } from '../metrics.js';
import type { PortalDeps } from '../page-context.js';

/**
 * Health (the portal is up and the member API answers), Prometheus metrics, and the two static
 * assets. METRICS_TOKEN, when set, guards /metrics as on the other apps.
 */
export function opsRoutes(router: Router, deps: PortalDeps, metricsToken: string | undefined): void {
  router.get('/health', async (_req: Request, res: Response) => {
    const api = await deps.api.health();
    const up = api.reachable && api.status === 200;
    res
      .status(up ? 200 : 503)
      .setHeader('Cache-Control', 'no-store')
      .json({ status: up ? 'ok' : 'unavailable', parts: { api: api.reachable ? (api.status === 200 ? 'up' : `answering ${api.status}`) : 'down' } });
  });
  router.get('/metrics', async (req: Request, res: Response) => {
    if (metricsToken && req.headers.authorization !== `Bearer ${metricsToken}`) {
      res
        .status(401)
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: 'urn:problem:UNAUTHENTICATED',
            title: 'Unauthenticated',
            status: 401,
            code: 'UNAUTHENTICATED',
            detail: 'Metrics need the bearer token',
          }),
        );
      return;
    }
    res.setHeader('Content-Type', metricsRegistry.contentType);
    res.send(await metricsRegistry.metrics());
  });
  router.get('/assets/portal.css', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('text/css; charset=utf-8').send(PORTAL_CSS);
  });
  router.get('/assets/portal.js', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('text/javascript; charset=utf-8').send(PORTAL_JS);
  });
}
