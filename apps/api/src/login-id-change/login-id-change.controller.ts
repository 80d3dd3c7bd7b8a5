import { Body, Controller, Delete, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { SessionEntity } from '#app/auth';
import { LoginIdChangeClient, LoginIdChangeCoolingOff, RevertLoginIdChangeService } from '#app/login-id-change';
import { RateLimitGuard } from '#app/web';
import {
  cancelChange,
  confirmChange,
  resendCode,
  submitEmailCode,
  submitIdentityCode,
  submitNewLoginId,
} from '#workflows/login-id-change/login-id-change.workflow';
import type { LoginIdChangeView } from '#workflows/login-id-change/login-id-change.types';
import { anonymousActor, memberActor } from '../auth/client-actor.js';
import { CurrentSession, MemberAuthGuard, PrivilegedSessionGuard } from '../auth/guards.js';
import { LoginIdChangeViewDto, NewLoginIdDto, RevertLoginIdChangeDto, StartLoginIdChangeDto, VerificationCodeDto } from './login-id-change.dto.js';

const STEP_ERRORS =
  'Errors: INVALID_STATE (not at this step), VERIFICATION_CODE_INVALID (attemptsRemaining), VERIFICATION_CODE_EXPIRED, TOO_MANY_ATTEMPTS (the change fails), NOT_FOUND.';

@ApiTags('login-id-change')
@ApiBearerAuth()
@Controller('me/login-id-change')
export class LoginIdChangeController {
  constructor(
    private readonly changes: LoginIdChangeClient,
    private readonly coolingOff: LoginIdChangeCoolingOff,
  ) {}

  @Post()
  @UseGuards(RateLimitGuard, MemberAuthGuard, PrivilegedSessionGuard)
  @ApiOperation({
    summary: '1. Identity check: current password and registered mobile number; an SMS code is sent',
    description:
      'Errors: CHANGE_COOLING_OFF (409, availableAt, retryAfterSeconds: within 24 h of a mobile-number change or 7 days of another completed change), ' +
      'INVALID_CREDENTIALS (counts toward lockout), IDENTITY_MISMATCH, CHANGE_ALREADY_IN_PROGRESS.',
  })
  @ApiOkResponse({ type: LoginIdChangeViewDto })
  @ApiResponse({ status: 409, description: 'CHANGE_COOLING_OFF or CHANGE_ALREADY_IN_PROGRESS' })
  async start(@CurrentSession() session: SessionEntity, @Body() body: StartLoginIdChangeDto, @Req() req: FastifyRequest): Promise<LoginIdChangeView> {
    await this.coolingOff.assertMayStart(session.memberId, memberActor(req, session));
    return this.changes.start(session, body.currentPassword, body.mobilePhone, memberActor(req, session));
  }

  @Get()
  @UseGuards(MemberAuthGuard)
  @ApiOperation({ summary: 'Where the current (or last) change stands; 404 when there is none' })
  @ApiOkResponse({ type: LoginIdChangeViewDto })
  status(@CurrentSession() session: SessionEntity): Promise<LoginIdChangeView> {
    return this.changes.status(session.memberId);
  }

  @Post('identity-code')
  @HttpCode(200)
  @UseGuards(RateLimitGuard, MemberAuthGuard, PrivilegedSessionGuard)
  @ApiOperation({ summary: '2. The SMS code: identity verified', description: STEP_ERRORS })
  @ApiOkResponse({ type: LoginIdChangeViewDto })
  identityCode(@CurrentSession() session: SessionEntity, @Body() body: VerificationCodeDto): Promise<LoginIdChangeView> {
    return this.changes.act(session.memberId, submitIdentityCode, body.code);
  }

  @Post('new-login-id')
  @HttpCode(200)
  @UseGuards(RateLimitGuard, MemberAuthGuard, PrivilegedSessionGuard)
  @ApiOperation({
    summary: '3. The new email address ("Verify email"): a code is sent to it',
    description: 'Errors: LOGIN_ID_TAKEN, VALIDATION_FAILED (same as current), INVALID_STATE.',
  })
  @ApiOkResponse({ type: LoginIdChangeViewDto })
  newLoginId(@CurrentSession() session: SessionEntity, @Body() body: NewLoginIdDto): Promise<LoginIdChangeView> {
    return this.changes.act(session.memberId, submitNewLoginId, body.newLoginId);
  }

  @Post('email-code')
  @HttpCode(200)
  @UseGuards(RateLimitGuard, MemberAuthGuard, PrivilegedSessionGuard)
  @ApiOperation({ summary: '4. The email code: new address verified', description: STEP_ERRORS })
  @ApiOkResponse({ type: LoginIdChangeViewDto })
  emailCode(@CurrentSession() session: SessionEntity, @Body() body: VerificationCodeDto): Promise<LoginIdChangeView> {
    return this.changes.act(session.memberId, submitEmailCode, body.code);
  }

  @Post('confirm')
  @HttpCode(200)
  @UseGuards(MemberAuthGuard, PrivilegedSessionGuard)
  @ApiOperation({
    summary: '5. Confirm ("Next"): the login ID changes; other sessions are revoked',
    description: 'Errors: LOGIN_ID_TAKEN (the change fails, nothing else changes), INVALID_STATE.',
  })
  @ApiOkResponse({ type: LoginIdChangeViewDto })
  confirm(@CurrentSession() session: SessionEntity): Promise<LoginIdChangeView> {
    return this.changes.act(session.memberId, confirmChange);
  }

  @Post('resend-code')
  @HttpCode(202)
  @UseGuards(RateLimitGuard, MemberAuthGuard, PrivilegedSessionGuard)
  @ApiOperation({
    summary: 'Re-send the code of the current step (after 60 s, at most 5 times)',
    description: 'Errors: TOO_MANY_REQUESTS (retryAfterSeconds), TOO_MANY_ATTEMPTS, INVALID_STATE.',
  })
  @ApiOkResponse({ type: LoginIdChangeViewDto })
  resend(@CurrentSession() session: SessionEntity): Promise<LoginIdChangeView> {
    return this.changes.act(session.memberId, resendCode);
  }

  @Delete()
  @HttpCode(204)
  @UseGuards(MemberAuthGuard, PrivilegedSessionGuard)
  @ApiOperation({ summary: 'Cancel the change at any step before it completes' })
  async cancel(@CurrentSession() session: SessionEntity): Promise<void> {
    await this.changes.act(session.memberId, cancelChange);
  }
}

@ApiTags('login-id-change')
@Controller('login-id-change-reverts')
export class LoginIdChangeRevertsController {
  constructor(private readonly reverts: RevertLoginIdChangeService) {}

  @Post()
  @HttpCode(200)
  @UseGuards(RateLimitGuard)
  @ApiOperation({
    summary: '"This wasn\'t me": restores the previous login ID (within 7 days), revokes every session and voids the password',
    description:
      'The portal page of the old-address link POSTs the token here (opening the link changes nothing). Sign-in then answers ' +
      'PASSWORD_RESET_REQUIRED until a new password is set with the reset link sent to the restored address.',
  })
  @ApiOkResponse({ description: '{ loginId }: the restored login ID' })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED (schema)' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND (unknown or used token)' })
  @ApiResponse({ status: 409, description: "LOGIN_ID_TAKEN (the previous address is now someone else's)" })
  @ApiResponse({ status: 422, description: 'VERIFICATION_CODE_EXPIRED (after 7 days)' })
  @ApiResponse({ status: 429, description: 'TOO_MANY_REQUESTS (retryAfterSeconds)' })
  revert(@Body() body: RevertLoginIdChangeDto, @Req() req: FastifyRequest): Promise<{ loginId: string }> {
    return this.reverts.revert(body.token, anonymousActor(req));
  }
}
