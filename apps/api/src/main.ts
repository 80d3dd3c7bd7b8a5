import 'reflect-metadata';
import { ConfigError, loadConfig } from '#app/config';
import { createApiApp } from './api-app.js';

try {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.apiPort, '0.0.0.0');
  console.log(JSON.stringify({ app: 'api', msg: 'listening', port: config.apiPort }));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
