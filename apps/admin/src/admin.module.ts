import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { ApplicationsModule } from '#app/applications';
import { AuditModule } from '#app/audit';
import { SessionEntity } from '#app/auth';
import { AppConfig, ConfigModule } from '#app/config';
import { MemberEntity } from '#app/members';
import { PersistenceModule } from '#app/persistence';
import { ReviewersModule } from '#app/reviewers';
import { SupportModule } from '#app/support';
import { TemporalModule } from '#app/temporal';
import { createJsonLogger, RateLimitGuard, WebPlatformModule } from '#app/web';
import { ADMIN_LOGGER } from './admin-logger.js';
import { ApplicationsController } from './applications/applications.controller.js';
import { AuditEventsController } from './audit/audit-events.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { MeController } from './auth/me.controller.js';
import { ReviewerAuthGuard } from './auth/reviewer-auth.guard.js';
import { RolesGuard } from './auth/roles.guard.js';
import { InquiriesController } from './inquiries/inquiries.controller.js';
import { MemberLookupService } from './members/member-lookup.service.js';
import { MembersController } from './members/members.controller.js';
import { BusinessMetrics } from './metrics/business-metrics.js';
import { DeskPagesController } from './pages/desk-pages.controller.js';
import { SetPasswordPagesController } from './pages/set-password-pages.controller.js';
import { AssetsController } from './pages/assets.controller.js';
import { PagesController } from './pages/pages.controller.js';
import { ReviewPagesController } from './pages/review-pages.controller.js';
import { ReviewersController } from './reviewers/reviewers.controller.js';

@Module({})
export class AdminModule {
  static forRoot(config: AppConfig, logger: Logger = createJsonLogger('admin', config.logLevel)): DynamicModule {
    return {
      module: AdminModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot({ poolSize: 10 }),
        TemporalModule,
        WebPlatformModule,
        AuditModule,
        ReviewersModule,
        ApplicationsModule,
        SupportModule,
        TypeOrmModule.forFeature([MemberEntity, SessionEntity]),
      ],
      controllers: [
        ApplicationsController,
        AuthController,
        MeController,
        ReviewersController,
        PagesController,
        ReviewPagesController,
        AssetsController,
        // The review desk (issue 14): support inbox, audit viewer, member lookup, reviewer accounts.
        InquiriesController,
        AuditEventsController,
        MembersController,
        DeskPagesController,
        SetPasswordPagesController,
      ],
      providers: [{ provide: ADMIN_LOGGER, useValue: logger }, RateLimitGuard, ReviewerAuthGuard, RolesGuard, MemberLookupService, BusinessMetrics],
    };
  }
}
