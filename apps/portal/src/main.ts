import { ConfigError, loadConfig } from '#app/config';
import { createPortalLogger } from './logger.js';
import { createPortalApp } from './portal-app.js';

try {
  const config = loadConfig();
  const portal = createPortalApp(config, createPortalLogger(config.logLevel));
  await portal.listen(config.portal.port, '0.0.0.0');
  console.log(JSON.stringify({ app: 'portal', msg: 'listening', port: config.portal.port, api: config.portal.apiUrl }));
  const stop = () => void portal.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
