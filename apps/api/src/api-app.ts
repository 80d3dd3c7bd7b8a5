import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import type { AppConfig } from '#app/config';
import { configureApp, createJsonLogger, fastifyAdapter, NestJsonLogger } from '#app/web';
import { ApiModule } from './api.module.js';
import { API_GUARD_PROBLEMS, API_OPERATION_PROBLEMS } from './openapi-problems.js';

/** Builds the member API exactly as production runs it (used by main.ts and the e2e tests), on Fastify. */
export async function createApiApp(config: AppConfig, logger: Logger = createJsonLogger('api', config.logLevel)): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(config), await fastifyAdapter(config, logger), {
    logger: new NestJsonLogger(logger),
    bodyParser: false,
  });
  return configureApp(app, {
    prefix: 'api/v1',
    docsPath: 'api/docs',
    title: 'Member account changes — member API',
    description: 'Members change their password, login ID, basic and required information. Errors are application/problem+json with a stable code.',
    logger,
    bearerAuth: true,
    guardProblems: API_GUARD_PROBLEMS,
    operationProblems: API_OPERATION_PROBLEMS,
  });
}
