import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionEntity } from '#app/auth';
import { MobilePhoneChangeService, type AccountView, type MobilePhoneCodeSent } from '#app/members';
import { RateLimitGuard } from '#app/web';
import { memberActor } from '../auth/client-actor.js';
import { CurrentSession, MemberAuthGuard, PrivilegedSessionGuard } from '../auth/guards.js';
import { sendAccount } from './account.controller.js';
import { AccountViewDto } from './dto/account-view.dto.js';
import { ConfirmMobilePhoneChangeDto, MobilePhoneCodeSentDto, RequestMobilePhoneChangeDto } from './dto/mobile-phone-change.dto.js';

@ApiTags('account')
@ApiBearerAuth()
@UseGuards(RateLimitGuard, MemberAuthGuard, PrivilegedSessionGuard)
@Controller('me/mobile-phone-change')
export class MobilePhoneChangeController {
  constructor(private readonly changes: MobilePhoneChangeService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a 6-digit code by SMS to the new mobile number',
    description:
      'Asking again for the same number re-sends the code after a pause (TOO_MANY_REQUESTS with retryAfterSeconds; ' +
      'TOO_MANY_ATTEMPTS once the re-sends are used up); another number starts over. VALIDATION_FAILED: isMobilePhone, differsFromCurrent.',
  })
  @ApiAcceptedResponse({ type: MobilePhoneCodeSentDto })
  request(@CurrentSession() session: SessionEntity, @Body() body: RequestMobilePhoneChangeDto): Promise<MobilePhoneCodeSent> {
    return this.changes.request(session.memberId, body.mobilePhone);
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm the code: the mobile number changes (the version increases)',
    description: 'Errors: VERIFICATION_CODE_INVALID (attemptsRemaining), VERIFICATION_CODE_EXPIRED, TOO_MANY_ATTEMPTS.',
  })
  @ApiOkResponse({ type: AccountViewDto })
  async confirm(
    @CurrentSession() session: SessionEntity,
    @Body() body: ConfirmMobilePhoneChangeDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<AccountView> {
    return sendAccount(res, await this.changes.confirm(session.memberId, body.code, memberActor(req, session)));
  }
}
