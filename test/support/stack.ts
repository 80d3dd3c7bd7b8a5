// What a test of the running stack uses: the config of this run, the apps built as production
// builds them, a Temporal client, and the worker process.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { pino } from 'pino';
import { createAdminApp } from '../../apps/admin/src/admin-app.js';
import { createApiApp } from '../../apps/api/src/api-app.js';
import { loadConfig, type AppConfig } from '../../libs/config/src/index.js';
import { createJsonLogger } from '../../libs/web/src/index.js';

export function stackConfig(overrides: Record<string, string> = {}): AppConfig {
  if (!process.env.TEST_RUN_DIR) throw new Error('The stack is not running: this suite needs the e2e/workflows global setup');
  return loadConfig({ ...process.env, ...overrides });
}

export function runDir(): string {
  return process.env.TEST_RUN_DIR!;
}

/** The app logs of this run go to files, so tests can check what was (not) logged. */
export function appLogger(app: string) {
  return createJsonLogger(app, 'info', pino.destination({ dest: path.join(runDir(), `${app}.log`), sync: true, append: true, mkdir: true }));
}

export async function startApi(overrides: Record<string, string> = {}): Promise<INestApplication> {
  const app = await createApiApp(stackConfig(overrides), appLogger('api'));
  await app.init();
  // Fastify answers (supertest on app.getHttpServer()) once its plugins and routes are ready.
  await (app.getHttpAdapter().getInstance() as { ready(): PromiseLike<unknown> }).ready();
  return app;
}

export async function startAdmin(overrides: Record<string, string> = {}): Promise<INestApplication> {
  const app = await createAdminApp(stackConfig(overrides), appLogger('admin'));
  await app.init();
  return app;
}

export async function temporalClient(): Promise<{ client: Client; close: () => Promise<void> }> {
  const config = stackConfig();
  const connection = await Connection.connect({ address: config.temporal.address });
  return { client: new Client({ connection, namespace: config.temporal.namespace }), close: () => connection.close() };
}

/** Listens on a free loopback port (for clients outside the process: a browser, a fuzzer). */
export async function listenOnLoopback(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}
