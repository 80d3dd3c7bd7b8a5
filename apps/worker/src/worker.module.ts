import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '#app/audit';
import { AppConfig, ConfigModule } from '#app/config';
import { LoginIdChangeModule } from '#app/login-id-change';
import { PersistenceModule } from '#app/persistence';
import { TemporalModule } from '#app/temporal';
import { WebPlatformModule } from '#app/web';
import { ActivityRegistry } from './activities/activity-registry.js';
import { LoginIdChangeActivitiesImpl } from './activities/login-id-change.activities.js';
import { PingActivitiesImpl } from './activities/ping.activities.js';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot({ poolSize: 10 }), TemporalModule, WebPlatformModule, AuditModule, LoginIdChangeModule],
      providers: [PingActivitiesImpl, LoginIdChangeActivitiesImpl, ActivityRegistry],
    };
  }
}
