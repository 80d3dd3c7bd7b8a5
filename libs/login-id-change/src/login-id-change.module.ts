import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '#app/auth';
import { MembersModule } from '#app/members';
import { NotificationsModule } from '#app/notifications';
import { VerificationModule } from '#app/verification';
import { CommitLoginIdChangeService } from './commit-login-id-change.service.js';
import { LoginIdChangeCoolingOff } from './cooling-off.js';
import { LoginIdChangeClient } from './login-id-change.client.js';
import { LoginIdChangeCodesService } from './login-id-change-codes.service.js';
import { LoginIdChangeNoticesService } from './login-id-change-notices.service.js';
import { LoginIdChangeRevertEntity } from './login-id-change-revert.entity.js';
import { LoginIdChangeRevertTokenEntity } from './login-id-change-revert-token.entity.js';
import { RevertLoginIdChangeService } from './revert-login-id-change.service.js';

const SERVICES = [
  LoginIdChangeClient,
  LoginIdChangeCodesService,
  CommitLoginIdChangeService,
  LoginIdChangeNoticesService,
  RevertLoginIdChangeService,
  LoginIdChangeCoolingOff,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([LoginIdChangeRevertEntity, LoginIdChangeRevertTokenEntity]),
    AuthModule,
    MembersModule,
    NotificationsModule,
    VerificationModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class LoginIdChangeModule {}
