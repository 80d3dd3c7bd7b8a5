import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '#app/config';
import { NOTIFICATION_TRANSPORTS } from '#app/notifications';
import { configureApp, createJsonLogger, NestJsonLogger } from '#app/web';
import { ActivityRegistry } from './activities/activity-registry.js';
import { createTemporalWorker, installTemporalRuntime } from './temporal-worker.js';
import { WorkerModule } from './worker.module.js';

try {
  const config = loadConfig();
  const logger = createJsonLogger('worker', config.logLevel);
  installTemporalRuntime(logger, config.workerSdkMetricsPort);
  // The worker's own small HTTP side: GET /health and GET /metrics for operators (no OpenAPI document).
  const app = await NestFactory.create(WorkerModule.forRoot(config), { logger: new NestJsonLogger(logger), bodyParser: false });
  configureApp(app, {
    prefix: 'worker',
    title: 'Member account changes — worker',
    description: 'Temporal worker for task queue account-changes: health and metrics only.',
    logger,
  });
  await app.listen(config.workerPort, '0.0.0.0');
  const worker = await createTemporalWorker(config, app.get(ActivityRegistry), app.get(NOTIFICATION_TRANSPORTS, { strict: false }), logger);
  logger.info({ taskQueue: config.temporal.taskQueue, port: config.workerPort }, 'worker polling');
  // Worker.run resolves after SIGINT/SIGTERM has drained in-flight tasks.
  await worker.run();
  await app.close();
  process.exit(0);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
