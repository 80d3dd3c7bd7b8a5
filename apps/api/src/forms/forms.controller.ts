import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { SessionEntity } from '#app/auth';
import { DomainError, ErrorCode } from '#app/core';
import { renderMemberInfoChangeForm, type MemberInfoChangeFormPrefill } from '#app/documents';
import { maskBusinessRegistrationNumber, MembersRepository } from '#app/members';
import { attachmentDisposition } from '#app/web';
import { CurrentSession } from '../auth/guards.js';
import { OptionalMemberAuthGuard } from './optional-member-auth.guard.js';

const FORM_FILE_NAME = 'member-info-change-application.pdf';

@ApiTags('forms')
@Controller('forms')
export class FormsController {
  constructor(private readonly members: MembersRepository) {}

  @Get('member-info-change-application')
  @UseGuards(OptionalMemberAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The member data change application form (PDF with fillable fields)',
    description:
      'Public. With the bearer token of a live session, the current member type, name, business name and business registration ' +
      '(masked, last four digits) are pre-filled and read-only; an expired or unknown token is UNAUTHENTICATED.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The form', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async applicationForm(@CurrentSession() session: SessionEntity | null, @Res({ passthrough: true }) res: FastifyReply): Promise<StreamableFile> {
    const pdf = await renderMemberInfoChangeForm(session ? await this.prefillFor(session.memberId) : undefined);
    // Pre-filled forms carry personal data; the blank one is cheap to make again.
    res.header('Cache-Control', 'private, no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: attachmentDisposition(FORM_FILE_NAME), length: pdf.length });
  }

  private async prefillFor(memberId: string): Promise<MemberInfoChangeFormPrefill> {
    const member = await this.members.findById(memberId);
    if (!member) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The session is missing, expired or revoked');
    return {
      memberId: member.id,
      loginId: member.loginId,
      memberType: member.memberType,
      name: member.name,
      businessName: member.businessName,
      // Masked as on the account page: this endpoint needs no re-authentication.
      businessRegistrationNumber: maskBusinessRegistrationNumber(member.businessRegistrationNumber),
    };
  }
}
