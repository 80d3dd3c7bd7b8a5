import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RateLimitGuard } from '#app/web';
import type { FastifyRequest } from 'fastify';
import { AuthService, type LoginResult, type SessionEntity } from '#app/auth';
import type { MemberEntity } from '#app/members';
import { anonymousActor, memberActor } from './client-actor.js';
import { LoginDto, LoginResponseDto, ReauthenticateDto, ReauthenticateResponseDto } from './dto/auth.dto.js';
import { CurrentSession, LocalAuthGuard, MemberAuthGuard, VerifiedMember } from './guards.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @UseGuards(RateLimitGuard, LocalAuthGuard)
  @ApiOperation({ summary: 'Sign in with login ID and password (INVALID_CREDENTIALS, ACCOUNT_TEMPORARILY_LOCKED, PASSWORD_RESET_REQUIRED)' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiResponse({ status: 403, description: 'PASSWORD_RESET_REQUIRED: the password was right but voided by a reverted login-ID change; use the reset link' })
  login(@VerifiedMember() member: MemberEntity, @Req() req: FastifyRequest): Promise<LoginResult> {
    return this.auth.startSession(member, anonymousActor(req));
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(MemberAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the current session' })
  async logout(@CurrentSession() session: SessionEntity, @Req() req: FastifyRequest): Promise<void> {
    await this.auth.logout(session, memberActor(req, session));
  }

  @Post('reauthenticate')
  @HttpCode(200)
  @UseGuards(RateLimitGuard, MemberAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Enter the password again: the session may manage the account for a short window' })
  @ApiOkResponse({ type: ReauthenticateResponseDto })
  reauthenticate(@CurrentSession() session: SessionEntity, @Body() body: ReauthenticateDto, @Req() req: FastifyRequest) {
    return this.auth.reauthenticate(session, body.password, memberActor(req, session));
  }
}
