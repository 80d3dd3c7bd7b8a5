import { Module } from '@nestjs/common';
import { NotificationsModule } from '#app/notifications';
import { VerificationModule } from '#app/verification';
import { MembersModule } from '../members.module.js';
import { AccountViewQuery } from './account-view.query.js';
import { MobilePhoneChangeService } from './mobile-phone-change.service.js';
import { UpdateAccountService } from './update-account.service.js';

/** The member's own basic information: update it, change the mobile phone by SMS code. */
@Module({
  imports: [MembersModule, VerificationModule, NotificationsModule],
  providers: [AccountViewQuery, UpdateAccountService, MobilePhoneChangeService],
  exports: [AccountViewQuery, UpdateAccountService, MobilePhoneChangeService],
})
export class AccountModule {}
