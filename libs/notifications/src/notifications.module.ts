import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { NotificationDeliveryEntity } from './delivery/notification-delivery.entity.js';
import { NotificationService } from './notification.service.js';
import { createNotificationTransports } from './transports/create-notification-transports.js';
import { NOTIFICATION_TRANSPORTS } from './transports/notification-transports.js';

/** Entities of this library, for data sources built outside Nest (scripts, tests). */
export const NOTIFICATION_ENTITIES = [NotificationDeliveryEntity];

/** Provides NotificationService; needs ConfigModule (APP_CONFIG) and PersistenceModule in the app. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
  providers: [
    {
      provide: NOTIFICATION_TRANSPORTS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createNotificationTransports(config),
    },
    NotificationService,
  ],
  exports: [NotificationService],
})
export class NotificationsModule {}
