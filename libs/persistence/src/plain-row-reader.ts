import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

interface MysqlPool {
  execute(sql: string, values: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
}

/**
 * Hot read paths (quality.md P3): one SELECT of the named entity properties by one column, run
 * straight on the driver — a mysql2 prepared statement on TypeORM's own pool, or the data source's
 * query on SQLite — and hydrated into a plain object with the driver's value conversion (dates,
 * booleans), without the query builder, query runner and entity hydration of a repository find.
 * Column names come from the entity's metadata, so the mapping has one source.
 */
export class PlainRowReader<Entity extends ObjectLiteral, Property extends keyof Entity & string> {
  private statement?: { sql: string; columns: readonly ColumnMetadata[] };

  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<Entity>,
    private readonly properties: readonly Property[],
    private readonly by: keyof Entity & string,
  ) {}

  /**
   * Not `async`, and one promise per call: on Node 20 every promise of a request pays the request
   * context's async hooks (AsyncLocalStorage), so the hot path makes as few as it can.
   */
  findOne(value: string): Promise<Pick<Entity, Property> | null> {
    const { sql, columns } = this.prepare();
    const hydrate = (rows: unknown): Pick<Entity, Property> | null => {
      const row = (rows as Record<string, unknown>[])[0];
      if (row === undefined) return null;
      const driver = this.dataSource.driver;
      const result: Record<string, unknown> = {};
      for (const column of columns) result[column.propertyName] = driver.prepareHydratedValue(row[column.databaseName], column);
      return result as Pick<Entity, Property>;
    };
    // TypeORM's MysqlDriver keeps its mysql2 pool as `pool` (no replication configured here).
    const pool = this.dataSource.options.type === 'mysql' ? (this.dataSource.driver as unknown as { pool?: MysqlPool }).pool : undefined;
    if (!pool) return this.dataSource.query(sql, [value]).then(hydrate);
    return new Promise((resolve, reject) => pool.execute(sql, [value], (error, rows) => (error ? reject(error) : resolve(hydrate(rows)))));
  }

  private prepare(): NonNullable<PlainRowReader<Entity, Property>['statement']> {
    if (this.statement) return this.statement;
    const metadata = this.dataSource.getMetadata(this.entity);
    const escape = (name: string) => this.dataSource.driver.escape(name);
    const column = (property: string) => {
      const found = metadata.findColumnWithPropertyName(property);
      if (!found) throw new Error(`${metadata.name} has no column for ${property}`);
      return found;
    };
    const columns = this.properties.map(column);
    const sql =
      `SELECT ${columns.map((entry) => escape(entry.databaseName)).join(', ')} FROM ${escape(metadata.tableName)} ` +
      `WHERE ${escape(column(this.by).databaseName)} = ? LIMIT 1`;
    this.statement = { sql, columns };
    return this.statement;
  }
}
