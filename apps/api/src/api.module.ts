import { DynamicModule, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '#app/audit';
import { AuthModule } from '#app/auth';
import { AppConfig, ConfigModule } from '#app/config';
import { MembersModule } from '#app/members';
import { NotificationsModule } from '#app/notifications';
import { PersistenceModule } from '#app/persistence';
import { TemporalModule } from '#app/temporal';
import { RateLimitGuard, WebPlatformModule } from '#app/web';
import { AccountController } from './account/account.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { BearerStrategy } from './auth/bearer.strategy.js';
import { LocalStrategy } from './auth/local.strategy.js';
import { PrivilegedSessionGuard } from './auth/guards.js';
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
        NotificationsModule,
        AuthModule,
        PassportModule,
      ],
      controllers: [MembersController, AuthController, SessionsController, AccountController, PasswordController],
      providers: [LocalStrategy, BearerStrategy, PrivilegedSessionGuard, RateLimitGuard],
    };
  }
}
