import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import bodyParser from 'body-parser';
import type { AppConfig } from '#app/config';
import { PORTAL_SECRET_DIGEST, portalSecretDigest } from './client-of.js';
import { JSON_BODY_LIMIT } from './http-platform.js';
import { metricsAuth } from './metrics-auth.js';
import { oneLayer } from './one-layer.js';
import { precomputedHelmet } from './precomputed-helmet.js';
import { requestLogging } from './request-logging.js';
import type { AppShape } from './configure-app.js';

/** The Express side of configureApp (the admin app, the worker's health server). */
export function configureExpress(app: INestApplication, shape: AppShape, config: AppConfig): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  // Whose X-Forwarded-For counts (TRUST_PROXY): by default nobody's, so req.ip is the socket's peer.
  const trust = config.production.trustProxy;
  express.set('trust proxy', trust === false ? false : typeof trust === 'number' ? trust : [...trust]);
  if (config.production.portalApiSecret) {
    const requestPrototype = (express.getHttpAdapter().getInstance() as { request: object }).request;
    Object.defineProperty(requestPrototype, PORTAL_SECRET_DIGEST, { value: portalSecretDigest(config.production.portalApiSecret) });
  }
  if (config.production.metricsToken) app.use('/metrics', metricsAuth(config.production.metricsToken));
  // Every request: its id and log line, the security headers, then the JSON body (skipped at once
  // when there is none) — one router layer (oneLayer). A body the parser refuses is logged and
  // answered with the same headers as any other refusal.
  app.use(oneLayer(requestLogging(shape.logger), precomputedHelmet(), bodyParser.json({ limit: JSON_BODY_LIMIT })));
  if (shape.urlencodedPaths?.length) app.use([...shape.urlencodedPaths], bodyParser.urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 }));
}
