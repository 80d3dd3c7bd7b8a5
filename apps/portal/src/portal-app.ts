import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import express, { urlencoded, type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { AppConfig } from '#app/config';
import { ApiClient } from './api/api-client.js';
import { createPortalLogger } from './logger.js';
import { pageDuration } from './metrics.js';
import { PAGE_CSP, PageContext, type PortalDeps } from './page-context.js';
import { problemPage } from './routing.js';
import { infoRoutes } from './routes/info.routes.js';
import { loginIdRoutes } from './routes/login-id.routes.js';
import { myRoutes } from './routes/my.routes.js';
import { opsRoutes } from './routes/ops.routes.js';
import { passwordRoutes } from './routes/password.routes.js';
import { publicRoutes } from './routes/public.routes.js';
import { recoveryRoutes } from './routes/recovery.routes.js';
import { requiredInfoRoutes } from './routes/required-info.routes.js';
import { supportRoutes } from './routes/support.routes.js';
import { CookieSealer } from './session/sealed-cookie.js';

export interface PortalApp {
  readonly app: Express;
  listen(port: number, host?: string): Promise<Server>;
  close(): Promise<void>;
}

// The API's rule for a client's X-Request-Id (libs/web request-logging.ts): the portal forwards the
// id to the API, so one it keeps must be one the API keeps too, or the two processes' lines part.
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * One JSON line per request, as the API's (docs/operations.md): method, path (never the query: it
 * may hold a token), route, status, ms.
 */
function requestLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && CLIENT_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = String((req.route as { path?: string } | undefined)?.path ?? 'unmatched');
      pageDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      if (req.path === '/health' || req.path === '/metrics' || req.path.startsWith('/assets/')) return;
      logger.info({ requestId, method: req.method, path: req.path, route, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    next();
  };
}

/**
 * The member portal: server-rendered pages on the public member API alone (over HTTP, as any
 * client). Stateless: the session lives in a sealed cookie, so any replica serves any request.
 */
export function createPortalApp(config: AppConfig, logger: Logger = createPortalLogger(config.logLevel), apiUrl = config.portal.apiUrl): PortalApp {
  const cookieSecret = config.portal.cookieSecret ?? randomBytes(32).toString('base64url');
  if (!config.portal.cookieSecret)
    logger.warn('PORTAL_COOKIE_SECRET is not set: a random key is used, sessions end when this process restarts and other replicas cannot read them');
  const deps: PortalDeps = {
    api: new ApiClient({ baseUrl: apiUrl, portalSecret: config.production.portalApiSecret }),
    sealer: new CookieSealer(cookieSecret),
    serviceAreas: config.serviceAreas,
    publicHttps: config.publicPortalUrl.startsWith('https://'),
  };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('query parser', 'simple');
  app.use(requestLogging(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: Object.fromEntries(
          PAGE_CSP.split('; ').map((part) => {
            const [name, ...values] = part.split(' ');
            return [name, values];
          }),
        ),
      },
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 }));
  const router = express.Router();
  opsRoutes(router, deps, process.env.METRICS_TOKEN?.trim() || undefined);
  publicRoutes(router, deps, logger);
  myRoutes(router, deps, logger);
  passwordRoutes(router, deps, logger);
  loginIdRoutes(router, deps, logger);
  infoRoutes(router, deps, logger);
  requiredInfoRoutes(router, deps, logger);
  supportRoutes(router, deps, logger);
  recoveryRoutes(router, deps, logger);
  app.use(router);
  app.use((req: Request, res: Response) => {
    const ctx = new PageContext(req, res, deps);
    problemPage(ctx, 404, ctx.t('problem.notFound'));
  });
  // A body that cannot be parsed, or anything that escaped a page: a page in words, never a stack trace.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : 500;
    const ctx = new PageContext(req, res, deps);
    if (status >= 400 && status < 500) return problemPage(ctx, status, ctx.t('problem.badRequest'));
    const errorId = randomUUID();
    logger.error({ errorId, path: req.path, err: { name: (error as Error)?.name, message: (error as Error)?.message } }, 'request failed');
    problemPage(ctx, 500, ctx.t('problem.internal', { errorId }));
  });

  let server: Server | undefined;
  return {
    app,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        const listening = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
        server = listening;
      }),
    close: () =>
      new Promise((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
