// Test databases, in plain JS so that jest's global setup (which jest does not map) can use them too.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

export function testDatabaseKind() {
  const kind = process.env.TEST_DB ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'mysql') throw new Error(`TEST_DB must be sqlite or mysql, not ${kind}`);
  return kind;
}

export function mysqlServerUrl() {
  return new URL(process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/');
}

function serverUri() {
  const url = mysqlServerUrl();
  url.pathname = '/';
  return url.toString();
}

/** A fresh, empty database for one suite or run. Its name always contains `test`, or this refuses. */
export async function createTestDatabase(label, kind = testDatabaseKind()) {
  const name = `mac_test_${label.replace(/[^a-z0-9]/gi, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase();
  if (!name.includes('test')) throw new Error(`Refusing a test database whose name lacks "test": ${name}`);
  if (kind === 'sqlite') {
    const file = path.resolve('var/test/db', `${name}.sqlite`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return {
      kind,
      name,
      url: `sqlite:${file}`,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  const admin = await createConnection({ uri: serverUri() });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = mysqlServerUrl();
  url.pathname = `/${name}`;
  return {
    kind,
    name,
    url: url.toString(),
    drop: async () => {
      const connection = await createConnection({ uri: serverUri() });
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/** True when a MySQL server answers at TEST_MYSQL_URL (used to decide whether the MySQL tier can run). */
export async function mysqlReachable() {
  try {
    const connection = await createConnection({ uri: serverUri(), connectTimeout: 3_000 });
    await connection.query('SELECT 1');
    await connection.end();
    return true;
  } catch {
    return false;
  }
}
