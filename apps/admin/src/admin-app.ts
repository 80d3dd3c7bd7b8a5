import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import type { AppConfig } from '#app/config';
import { configureApp, createJsonLogger, NestJsonLogger } from '#app/web';
import { AdminModule } from './admin.module.js';
import { FORM_POST_PATHS, PAGE_ROUTES } from './pages/page-routes.js';
import { ADMIN_GUARD_PROBLEMS } from './openapi-problems.js';

/** Builds the reviewer admin app exactly as production runs it (used by main.ts and the tests). */
export async function createAdminApp(config: AppConfig, logger: Logger = createJsonLogger('admin', config.logLevel)): Promise<INestApplication> {
  const app = await NestFactory.create(AdminModule.forRoot(config, logger), { logger: new NestJsonLogger(logger), bodyParser: false });
  return configureApp(app, {
    prefix: 'admin/api/v1',
    docsPath: 'admin/api/docs',
    title: 'Member account changes — reviewer admin API',
    description: 'Reviewers decide on required-information applications. Errors are application/problem+json with a stable code.',
    logger,
    bearerAuth: true,
    guardProblems: ADMIN_GUARD_PROBLEMS,
    excludeFromPrefix: PAGE_ROUTES,
    urlencodedPaths: FORM_POST_PATHS,
  });
}
