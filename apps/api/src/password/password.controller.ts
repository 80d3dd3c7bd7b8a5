import { Body, Controller, HttpCode, Put, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RateLimitGuard } from '#app/web';
import { IsString, Length } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { ChangePasswordService, type SessionEntity } from '#app/auth';
import { memberActor } from '../auth/client-actor.js';
import { CurrentSession, MemberAuthGuard, PrivilegedSessionGuard } from '../auth/guards.js';

class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 256)
  currentPassword!: string;

  @ApiProperty({ format: 'password', description: 'Must meet the policy and differ from the 3 most recently used passwords' })
  @IsString()
  @Length(1, 256)
  newPassword!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 256)
  newPasswordConfirmation!: string;
}

@ApiTags('account')
@ApiBearerAuth()
@Controller('me/password')
export class PasswordController {
  constructor(private readonly changePassword: ChangePasswordService) {}

  @Put()
  @HttpCode(204)
  @UseGuards(RateLimitGuard, MemberAuthGuard, PrivilegedSessionGuard)
  @ApiOperation({
    summary: 'Change the login password; every other session is revoked',
    description:
      'Errors: PASSWORD_CONFIRMATION_MISMATCH, PASSWORD_POLICY_VIOLATION (violations[]), INVALID_CREDENTIALS (counts toward lockout), PASSWORD_RECENTLY_USED, REAUTHENTICATION_REQUIRED.',
  })
  @ApiNoContentResponse()
  async change(@CurrentSession() session: SessionEntity, @Body() body: ChangePasswordDto, @Req() req: FastifyRequest): Promise<void> {
    await this.changePassword.change(session, body, memberActor(req, session));
  }
}
