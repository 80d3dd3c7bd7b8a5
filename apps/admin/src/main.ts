import 'reflect-metadata';
import { ConfigError, loadConfig } from '#app/config';
import { createAdminApp } from './admin-app.js';

try {
  const config = loadConfig();
  const app = await createAdminApp(config);
  await app.listen(config.adminPort, '0.0.0.0');
  console.log(JSON.stringify({ app: 'admin', msg: 'listening', port: config.adminPort }));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
