import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#app/audit';
import { CountersModule } from '#app/counters';
import { PasswordHasher } from '#app/members';
import { NotificationsModule } from '#app/notifications';
import { ReviewerAdminService } from './reviewer-admin.service.js';
import { ReviewerPasswordLinkEntity } from './reviewer-password-link.entity.js';
import { ReviewerPasswordLinksService } from './reviewer-password-links.service.js';
import { ReviewerAccountsService } from './reviewer-accounts.service.js';
import { ReviewerAuthService } from './reviewer-auth.service.js';
import { ReviewerSessionEntity } from './reviewer-session.entity.js';
import { ReviewerSessionsService } from './reviewer-sessions.service.js';
import { ReviewerEntity } from './reviewer.entity.js';
import { ReviewersRepository } from './reviewers.repository.js';

/** Reviewer accounts, sign-in and sessions. Needs APP_CONFIG and a TypeORM root (PersistenceModule). */
@Module({
  imports: [TypeOrmModule.forFeature([ReviewerEntity, ReviewerSessionEntity, ReviewerPasswordLinkEntity]), AuditModule, NotificationsModule, CountersModule],
  // The same bcrypt cost and password normalisation as members, from the same configuration.
  providers: [
    ReviewersRepository,
    PasswordHasher,
    ReviewerAccountsService,
    ReviewerAuthService,
    ReviewerSessionsService,
    ReviewerPasswordLinksService,
    ReviewerAdminService,
  ],
  exports: [ReviewersRepository, ReviewerAccountsService, ReviewerAuthService, ReviewerSessionsService, ReviewerPasswordLinksService, ReviewerAdminService],
})
export class ReviewersModule {}
