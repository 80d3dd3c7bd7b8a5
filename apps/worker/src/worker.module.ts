import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '#app/config';
import { PersistenceModule } from '#app/persistence';
import { TemporalModule } from '#app/temporal';
import { WebPlatformModule } from '#app/web';
import { ActivityRegistry } from './activities/activity-registry.js';
import { PingActivitiesImpl } from './activities/ping.activities.js';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot({ poolSize: 10 }), TemporalModule, WebPlatformModule],
      providers: [PingActivitiesImpl, ActivityRegistry],
    };
  }
}
