import { Body, Controller, Get, Patch, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionEntity } from '#app/auth';
import { DomainError, ErrorCode } from '#app/core';
import { AccountViewQuery, UpdateAccountService, type AccountView } from '#app/members';
import { memberActor } from '../auth/client-actor.js';
import { CurrentSession, MemberAuthGuard, PrivilegedSessionGuard } from '../auth/guards.js';
import { AccountViewDto } from './dto/account-view.dto.js';
import { UpdateAccountDto } from './dto/update-account.dto.js';
import { IF_MATCH_PATTERN, IfMatchVersion } from './if-match.js';
import { OtherProcessFieldsGuard } from './other-process-fields.guard.js';

/** The account's version as an entity tag; personal data is never cached on the way. */
export function sendAccount(res: FastifyReply, view: AccountView): AccountView {
  res.header('ETag', `"${view.version}"`);
  res.header('Cache-Control', 'no-store');
  return view;
}

@ApiTags('account')
@ApiBearerAuth()
@UseGuards(MemberAuthGuard, PrivilegedSessionGuard)
@Controller('me/account')
export class AccountController {
  constructor(
    private readonly accounts: AccountViewQuery,
    private readonly updates: UpdateAccountService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The account page (REAUTHENTICATION_REQUIRED outside the re-authentication window); ETag = version' })
  @ApiOkResponse({ type: AccountViewDto })
  get(@CurrentSession() session: SessionEntity, @Res({ passthrough: true }) res: FastifyReply): Promise<AccountView> {
    // Not `async`: one promise (quality.md P3; see PlainRowReader.findOne).
    return this.accounts.find(session.memberId).then((view) => {
      if (!view) throw new DomainError(ErrorCode.NOT_FOUND, 'No such member');
      return sendAccount(res, view);
    });
  }

  @Patch()
  @UseGuards(OtherProcessFieldsGuard)
  @ApiOperation({
    summary: 'Change language, address, billing email or service area; If-Match: the version read',
    description:
      'Errors: PRECONDITION_REQUIRED (no If-Match), VERSION_CONFLICT (stale version; nothing changed), VALIDATION_FAILED ' +
      '(errors[]: per field; body/atLeastOneField; isConfiguredServiceArea; memberType, name, businessName and businessRegistrationNumber → ' +
      'useRequiredInfoApplication, loginId → useLoginIdChange, mobilePhone → useMobilePhoneChange, password → usePasswordChange). ' +
      'A change that alters nothing keeps the version.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The version read, as its ETag ("3"), bare (3) or weak (W/"3")',
    schema: { type: 'string', pattern: IF_MATCH_PATTERN },
  })
  @ApiOkResponse({ type: AccountViewDto })
  async update(
    @CurrentSession() session: SessionEntity,
    @IfMatchVersion() version: number,
    @Body() body: UpdateAccountDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<AccountView> {
    return sendAccount(res, await this.updates.update(session.memberId, version, body, memberActor(req, session)));
  }
}
