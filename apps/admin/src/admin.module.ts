import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ApplicationsModule } from '#app/applications';
import { AuditModule } from '#app/audit';
import { AppConfig, ConfigModule } from '#app/config';
import { PersistenceModule } from '#app/persistence';
import { ReviewersModule } from '#app/reviewers';
import { TemporalModule } from '#app/temporal';
import { createJsonLogger, RateLimitGuard, WebPlatformModule } from '#app/web';
import { ADMIN_LOGGER } from './admin-logger.js';
import { ApplicationsController } from './applications/applications.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { MeController } from './auth/me.controller.js';
import { ReviewerAuthGuard } from './auth/reviewer-auth.guard.js';
import { RolesGuard } from './auth/roles.guard.js';
import { AssetsController } from './pages/assets.controller.js';
import { PagesController } from './pages/pages.controller.js';
import { ReviewPagesController } from './pages/review-pages.controller.js';
import { ReviewersController } from './reviewers/reviewers.controller.js';

@Module({})
export class AdminModule {
  static forRoot(config: AppConfig, logger: Logger = createJsonLogger('admin', config.logLevel)): DynamicModule {
    return {
      module: AdminModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot({ poolSize: 10 }), TemporalModule, WebPlatformModule, AuditModule, ReviewersModule, ApplicationsModule],
      controllers: [ApplicationsController, AuthController, MeController, ReviewersController, PagesController, ReviewPagesController, AssetsController],
      providers: [{ provide: ADMIN_LOGGER, useValue: logger }, RateLimitGuard, ReviewerAuthGuard, RolesGuard],
    };
  }
}
