import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '#app/config';
import type { ErrorCode } from '#app/core';
import { completeOpenApi, type GuardProblems } from './openapi/problem-responses.js';
import { configureExpress } from './express-platform.js';
import { configureFastify } from './fastify-platform.js';
import { ProblemFilter } from './problem.filter.js';
import { createValidationPipe } from './validation.js';

export interface AppShape {
  /** Global route prefix, e.g. `api/v1`; health and metrics stay outside it. */
  readonly prefix: string;
  /**
   * Where the OpenAPI UI is served, e.g. `api/docs` (JSON at `<path>-json`). Unset: no OpenAPI
   * document is built nor served (the worker: health and metrics only, and the memory it would hold).
   */
  readonly docsPath?: string;
  readonly title: string;
  readonly description: string;
  readonly logger: Logger;
  readonly bearerAuth?: boolean;
  /** More routes served outside the prefix, e.g. server-rendered pages (`'/'`, `'login'`). */
  readonly excludeFromPrefix?: readonly string[];
  /**
   * Path prefixes whose HTML forms post `application/x-www-form-urlencoded`; that parser runs
   * only there (JSON endpoints keep accepting JSON alone). Never `/`.
   */
  readonly urlencodedPaths?: readonly string[];
  /** What the app's own guards refuse with, for the OpenAPI document (see completeOpenApi). */
  readonly guardProblems?: ReadonlyMap<Function, GuardProblems>;
  /** Domain refusals per operation id that no guard, decorator or description names. */
  readonly operationProblems?: Readonly<Record<string, readonly ErrorCode[]>>;
}

/**
 * How long an idle keep-alive connection stays open on the server. Node's default (5 s) is what
 * fetch's pool hears in the `Keep-Alive: timeout=5` hint, and it closes its own side only a second
 * earlier: a caller that reuses the socket in that second (the portal calling the API on a busy
 * machine) has its request reset. Far longer than any caller's idle time, as behind a load balancer,
 * the server is never the side that closes first. Headers must arrive within it.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * The one bootstrap shared by main.ts and the e2e tests: what production runs is what tests
 * exercise. The same pipeline on either HTTP platform (configureFastify for the member API,
 * configureExpress for the others).
 */
export function configureApp(app: INestApplication, shape: AppShape): INestApplication {
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  const config = app.get<AppConfig>(APP_CONFIG, { strict: false });
  if (app.getHttpAdapter().getType() === 'fastify') configureFastify(app, shape, config);
  else configureExpress(app, shape, config);
  app.setGlobalPrefix(shape.prefix, { exclude: ['health', 'metrics', ...(shape.excludeFromPrefix ?? [])] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter(shape.logger));
  app.enableShutdownHooks();

  if (shape.docsPath === undefined) return app;
  const builder = new DocumentBuilder().setTitle(shape.title).setDescription(shape.description).setVersion('1.0');
  if (shape.bearerAuth) builder.addBearerAuth();
  const document = completeOpenApi(app, SwaggerModule.createDocument(app, builder.build()), shape);
  SwaggerModule.setup(shape.docsPath, app, document, { jsonDocumentUrl: `${shape.docsPath}-json` });
  return app;
}
