import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReviewerAuthService, ReviewerSessionsService, type ReviewerPrincipal, type ReviewerSignIn } from '#app/reviewers';
import { RateLimitGuard, clientOf } from '#app/web';
import { clearSessionCookie } from './cookies.js';
import { CurrentReviewer } from './current-reviewer.js';
import { ReviewerLoginDto, ReviewerLoginResponseDto } from './dto/auth.dto.js';
import type { ReviewerRequest } from './reviewer-request.js';
import { ReviewerAuth } from './roles.guard.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: ReviewerAuthService,
    private readonly sessions: ReviewerSessionsService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @UseGuards(RateLimitGuard)
  @ApiOperation({ summary: 'Sign in with a reviewer account (INVALID_CREDENTIALS, ACCOUNT_TEMPORARILY_LOCKED, TOO_MANY_REQUESTS)' })
  @ApiOkResponse({ type: ReviewerLoginResponseDto })
  login(@Body() body: ReviewerLoginDto, @Req() req: ReviewerRequest): Promise<ReviewerSignIn> {
    return this.auth.signIn(body.email, body.password, clientOf(req));
  }

  @Post('logout')
  @HttpCode(204)
  @ReviewerAuth()
  @ApiOperation({ summary: 'Revoke the current reviewer session (bearer token or session cookie)' })
  async logout(@CurrentReviewer() principal: ReviewerPrincipal, @Req() req: ReviewerRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.revoke(principal, clientOf(req));
    if (req.credentialSource === 'cookie') clearSessionCookie(req, res);
  }
}
