import { DynamicModule, Module } from '@nestjs/common';
import { ApplicationsModule } from '#app/applications';
import { AuditModule } from '#app/audit';
import { AppConfig, ConfigModule } from '#app/config';
import { DocumentsModule } from '#app/documents';
import { LoginIdChangeModule } from '#app/login-id-change';
import { PersistenceModule } from '#app/persistence';
import { TemporalModule } from '#app/temporal';
import { WebPlatformModule } from '#app/web';
import { ActivityRegistry } from './activities/activity-registry.js';
import { LoginIdChangeActivitiesImpl } from './activities/login-id-change.activities.js';
import { PingActivitiesImpl } from './activities/ping.activities.js';
import { RequiredInfoApplicationActivitiesImpl } from './activities/required-info-application.activities.js';
import { DocumentSweepSchedule } from './maintenance/document-sweep.schedule.js';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot({ poolSize: 10 }),
        TemporalModule,
        WebPlatformModule,
        AuditModule,
        LoginIdChangeModule,
        ApplicationsModule,
        DocumentsModule,
      ],
      providers: [PingActivitiesImpl, LoginIdChangeActivitiesImpl, RequiredInfoApplicationActivitiesImpl, ActivityRegistry, DocumentSweepSchedule],
    };
  }
}
