import { DynamicModule, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ApplicationsModule } from '#app/applications';
import { AuditModule } from '#app/audit';
import { AuthModule } from '#app/auth';
import { AppConfig, ConfigModule } from '#app/config';
import { LoginIdChangeModule } from '#app/login-id-change';
import { AccountModule, MembersModule } from '#app/members';
import { NotificationsModule } from '#app/notifications';
import { PersistenceModule } from '#app/persistence';
import { SupportModule } from '#app/support';
import { TemporalModule } from '#app/temporal';
import { RateLimitGuard, WebPlatformModule } from '#app/web';
import { AccountController } from './account/account.controller.js';
import { ApplicationsController } from './applications/applications.controller.js';
import { MobilePhoneChangeController } from './account/mobile-phone-change.controller.js';
import { OtherProcessFieldsGuard } from './account/other-process-fields.guard.js';
import { AuthController } from './auth/auth.controller.js';
import { FormsController } from './forms/forms.controller.js';
import { InquiriesController } from './inquiries/inquiries.controller.js';
import { LocalStrategy } from './auth/local.strategy.js';
import { PasswordResetController } from './auth/password-reset.controller.js';
import { PrivilegedSessionGuard } from './auth/guards.js';
import { LoginIdChangeController, LoginIdChangeRevertsController } from './login-id-change/login-id-change.controller.js';
import { MembersController } from './members/members.controller.js';
import { PasswordController } from './password/password.controller.js';
import { SessionsController } from './sessions/sessions.controller.js';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot(),
        TemporalModule,
        WebPlatformModule,
        AuditModule,
        MembersModule,
        AccountModule,
        NotificationsModule,
        AuthModule,
        LoginIdChangeModule,
        ApplicationsModule,
        PassportModule,
        SupportModule,
      ],
      controllers: [
        MembersController,
        AuthController,
        PasswordResetController,
        SessionsController,
        AccountController,
        PasswordController,
        MobilePhoneChangeController,
        LoginIdChangeController,
        LoginIdChangeRevertsController,
        ApplicationsController,
        FormsController,
        InquiriesController,
      ],
      providers: [LocalStrategy, PrivilegedSessionGuard, RateLimitGuard, OtherProcessFieldsGuard],
    };
  }
}
