import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's better-sqlite3 driver shares ONE connection in a process: a second transaction opened
 * while one is awaiting something becomes a savepoint inside it, and any other statement joins it,
 * so one request's rollback could undo another's writes. This gate makes a transaction own the
 * connection until it ends: other transactions and statements wait for it; statements of the
 * transaction itself (same async context) go through. MySQL has a pool and needs none of this.
 */
export function serialiseSqliteAccess(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource;
  const owner = new AsyncLocalStorage<symbol>();
  let holder: symbol | null = null;
  let queue: Promise<void> = Promise.resolve();
  let idle: Promise<void> = Promise.resolve();

  const acquire = async (): Promise<() => void> => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = queue;
    queue = previous.then(() => released);
    await previous;
    idle = released;
    return release;
  };
  const foreign = () => holder !== null && owner.getStore() !== holder;

  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = (async (...args: unknown[]) => {
    if (holder !== null && owner.getStore() === holder) return transaction(...args);
    const release = await acquire();
    const token = Symbol('sqlite-transaction');
    holder = token;
    try {
      return await owner.run(token, () => transaction(...args));
    } finally {
      holder = null;
      release();
    }
  }) as EntityManager['transaction'];

  const runner = dataSource.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = (async (...args: unknown[]) => {
    while (foreign()) await idle;
    return query(...args);
  }) as typeof runner.query;
  return dataSource;
}
