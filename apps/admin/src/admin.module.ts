import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '#app/config';
import { PersistenceModule } from '#app/persistence';
import { TemporalModule } from '#app/temporal';
import { WebPlatformModule } from '#app/web';

@Module({})
export class AdminModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AdminModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot({ poolSize: 10 }), TemporalModule, WebPlatformModule],
    };
  }
}
