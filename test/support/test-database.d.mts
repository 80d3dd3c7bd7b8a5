export type TestDatabaseKind = 'sqlite' | 'mysql';
export interface TestDatabase {
  readonly kind: TestDatabaseKind;
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}
export function testDatabaseKind(): TestDatabaseKind;
export function mysqlServerUrl(): URL;
export function createTestDatabase(label: string, kind?: TestDatabaseKind): Promise<TestDatabase>;
export function mysqlReachable(): Promise<boolean>;
