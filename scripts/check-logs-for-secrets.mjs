// docs/quality.md R8: after the test run, no password, verification code, token or hash in any log line.
// Scans the app, worker and Temporal logs that the test tiers wrote under var/test/ since a given
// time, for the passwords the suites use, bcrypt hashes, bearer tokens and logged codes.
import fs from 'node:fs';
import path from 'node:path';

const PASSWORDS = [
  'Qz7!mKp2#x',
  'Alpha!123x',
  'Bravo#456y',
  'Charl$789z',
  'Delta%012w',
  'Revi3w!pass',
  'Wrong!pass9',
  'Demo!2345',
  'Review!2345',
  // the member portal's browser tests (test/browser/portal-*.test.ts)
  'Nw8#pLq3!z',
  'Rs9!tGw4#k',
  'Whatever1!',
  'Wrong!pass1',
];
const PATTERNS = [
  ['a bcrypt hash', /\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}/],
  ['a bearer token', /Bearer [A-Za-z0-9._~+/-]{20,}/],
  ['a verification code field', /"(code|verificationCode)":"\d{6}"/],
  ['a token field', /"(token|accessToken|revertToken)":"[A-Za-z0-9_-]{20,}"/],
];

export function scanLogs(root, sinceMs = 0) {
  const findings = [];
  let files = 0;
  if (!fs.existsSync(root)) return { files, findings };
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.log')) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (fs.statSync(file).mtimeMs < sinceMs) continue;
    files += 1;
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      for (const password of PASSWORDS) if (line.includes(password)) findings.push(`${file}:${index + 1} contains a test password`);
      for (const [what, pattern] of PATTERNS) if (pattern.test(line)) findings.push(`${file}:${index + 1} contains ${what}`);
    });
  }
  return { files, findings };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'var/test';
  const since = Number(process.argv[3] ?? 0);
  const { files, findings } = scanLogs(root, since);
  if (files === 0) {
    console.error(`No log files under ${root} to check`);
    process.exit(1);
  }
  for (const finding of findings.slice(0, 50)) console.error(finding);
  console.log(`${files} log files checked: ${findings.length === 0 ? 'no secrets' : `${findings.length} secret(s) found`}`);
  process.exit(findings.length === 0 ? 0 : 1);
}
