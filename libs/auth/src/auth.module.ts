import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CountersModule } from '#app/counters';
import { MembersModule } from '#app/members';
import { NotificationsModule } from '#app/notifications';
import { AuthService } from './auth.service.js';
import { PasswordCheckService } from './password-check.service.js';
import { ChangePasswordService } from './password-change/change-password.service.js';
import { PasswordHistoryEntity } from './password-change/password-history.entity.js';
import { PasswordHistoryStore } from './password-change/password-history.store.js';
import { PasswordResetLinks } from './password-reset/password-reset-links.js';
import { PasswordResetTokenEntity } from './password-reset/password-reset-token.entity.js';
import { PasswordResetService } from './password-reset/password-reset.service.js';
import { ResetRequestsPerLoginId } from './password-reset/reset-requests-per-login-id.js';
import { SessionEntity } from './session.entity.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity, PasswordHistoryEntity, PasswordResetTokenEntity]), MembersModule, NotificationsModule, CountersModule],
  providers: [
    SessionsService,
    PasswordCheckService,
    AuthService,
    ChangePasswordService,
    PasswordHistoryStore,
    PasswordResetLinks,
    ResetRequestsPerLoginId,
    PasswordResetService,
  ],
  exports: [SessionsService, PasswordCheckService, AuthService, ChangePasswordService, PasswordResetLinks, PasswordResetService],
})
export class AuthModule {}
