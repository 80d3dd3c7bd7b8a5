import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PasswordResetService } from '#app/auth';
import { RateLimitGuard } from '#app/web';
import { anonymousActor } from './client-actor.js';
import { ConfirmPasswordResetDto, PasswordResetAcceptedDto, RequestPasswordResetDto } from './dto/password-reset.dto.js';

const ACCEPTED: PasswordResetAcceptedDto = { message: 'If an account uses this login ID, a link to set a new password was sent to it.' };

/** Forgot password: public, for a member who cannot sign in. */
@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post()
  @HttpCode(202)
  @UseGuards(RateLimitGuard)
  @ApiOperation({
    summary: 'Ask for a password reset link by login ID; the same answer whether or not the account exists',
    description: "The link (to the portal's /password-reset?token=…) works once, for 30 minutes; a newer request replaces it.",
  })
  @ApiAcceptedResponse({ type: PasswordResetAcceptedDto })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED (schema)' })
  @ApiResponse({ status: 429, description: 'TOO_MANY_REQUESTS (retryAfterSeconds): per client, or per login ID whether or not it exists' })
  request(@Body() body: RequestPasswordResetDto, @Req() req: FastifyRequest): PasswordResetAcceptedDto {
    this.resets.request(body.loginId, anonymousActor(req));
    return ACCEPTED;
  }

  @Post('confirm')
  @HttpCode(204)
  @UseGuards(RateLimitGuard)
  @ApiOperation({ summary: 'Set a new password with the token from the reset link; every session is revoked' })
  @ApiNoContentResponse({ description: 'The new password is set; sign in with it' })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED (schema), PASSWORD_CONFIRMATION_MISMATCH, PASSWORD_POLICY_VIOLATION (violations[])' })
  @ApiResponse({ status: 422, description: 'RESET_TOKEN_INVALID (unknown, used, replaced or expired), PASSWORD_RECENTLY_USED' })
  @ApiResponse({ status: 429, description: 'TOO_MANY_REQUESTS (retryAfterSeconds)' })
  async confirm(@Body() body: ConfirmPasswordResetDto, @Req() req: FastifyRequest): Promise<void> {
    await this.resets.confirm(body, anonymousActor(req));
  }
}
