import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CountersModule } from '#app/counters';
import { MembersModule } from '#app/members';
import { NotificationsModule } from '#app/notifications';
import { AuthService } from './auth.service.js';
import { PasswordCheckService } from './password-check.service.js';
import { ChangePasswordService } from './password-change/change-password.service.js';
import { PasswordHistoryEntity } from './password-change/password-history.entity.js';
import { SessionEntity } from './session.entity.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity, PasswordHistoryEntity]), MembersModule, NotificationsModule, CountersModule],
  providers: [SessionsService, PasswordCheckService, AuthService, ChangePasswordService],
  exports: [SessionsService, PasswordCheckService, AuthService, ChangePasswordService],
})
export class AuthModule {}
