import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '#app/config';
import { dataSourceOptions } from './data-source-options.js';
import { serialiseSqliteAccess } from './sqlite-serialisation.js';

/** Opens the configured database; feature modules register their entities with forFeature. */
@Module({})
export class PersistenceModule {
  static forRoot(options: { poolSize?: number } = {}): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.database, options),
            autoLoadEntities: true,
            retryAttempts: 3,
            retryDelay: 1_000,
          }),
          dataSourceFactory: async (options) => serialiseSqliteAccess(await new DataSource(options!).initialize()),
        }),
      ],
    };
  }
}
