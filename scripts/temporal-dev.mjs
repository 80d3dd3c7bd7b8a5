// Runs the Temporal dev server alone, as quickstart does: SQLite file under var/, UI on 8233,
// the project's search attributes registered. Ctrl-C stops it.
import path from 'node:path';
import { findTemporalCli, startDevServer } from './lib/temporal-cli.mjs';
import { ROOT } from './lib/setup.mjs';

const server = await startDevServer({
  cli: findTemporalCli({ install: true }),
  port: 7233,
  uiPort: 8233,
  dbFile: path.join(ROOT, 'var', 'temporal', 'dev.sqlite'),
  logFile: path.join(ROOT, 'var', 'log', 'temporal.log'),
});
console.log(`Temporal dev server on ${server.address}; Web UI http://127.0.0.1:8233 (logs: var/log/temporal.log)`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.child.kill('SIGTERM'));
server.child.on('exit', (code) => process.exit(code ?? 0));
