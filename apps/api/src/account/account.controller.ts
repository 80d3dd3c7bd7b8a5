import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SessionEntity } from '#app/auth';
import { DomainError, ErrorCode } from '#app/core';
import { MembersRepository, toAccountView, type AccountView } from '#app/members';
import { CurrentSession, MemberAuthGuard, PrivilegedSessionGuard } from '../auth/guards.js';

@ApiTags('account')
@ApiBearerAuth()
@UseGuards(MemberAuthGuard, PrivilegedSessionGuard)
@Controller('me/account')
export class AccountController {
  constructor(private readonly members: MembersRepository) {}

  @Get()
  @ApiOperation({ summary: 'The account page (REAUTHENTICATION_REQUIRED outside the re-authentication window); ETag = version' })
  async get(@CurrentSession() session: SessionEntity, @Res({ passthrough: true }) res: Response): Promise<AccountView> {
    const member = await this.members.findById(session.memberId);
    if (!member) throw new DomainError(ErrorCode.NOT_FOUND, 'No such member');
    res.setHeader('ETag', `"${member.version}"`);
    return toAccountView(member);
  }
}
