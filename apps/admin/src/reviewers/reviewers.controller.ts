import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReviewerAccountsService, ReviewerAdminService, type ReviewerAccountView } from '#app/reviewers';
import { ApiProblemResponses } from '#app/web';
import { reviewerActor, type ReviewerRequest } from '../auth/reviewer-request.js';
import { ReviewerAuth } from '../auth/roles.guard.js';
import { ReviewerAccountDto } from './dto/reviewer-account.dto.js';
import { CreateReviewerDto, UpdateReviewerDto } from './dto/reviewer-admin.dto.js';

const ADMIN_ONLY = { 401: 'UNAUTHENTICATED (no live reviewer session)', 403: 'FORBIDDEN (not an ADMIN, or a cookie request without the CSRF token)' };

@ApiTags('reviewers')
@Controller('reviewers')
@ReviewerAuth('ADMIN')
export class ReviewersController {
  constructor(
    private readonly accounts: ReviewerAccountsService,
    private readonly admin: ReviewerAdminService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every reviewer account, oldest first (ADMIN only; FORBIDDEN otherwise)' })
  @ApiOkResponse({ type: ReviewerAccountDto, isArray: true })
  @ApiProblemResponses(ADMIN_ONLY)
  list(): Promise<ReviewerAccountView[]> {
    return this.accounts.list();
  }

  @Post()
  @ApiOperation({
    summary: 'Create a reviewer account; its owner gets a single-use set-password link by email (ADMIN only)',
    description: 'Nobody can sign in to the account until the password is set from the link (REVIEWER_SET_PASSWORD_LINK_HOURS, default 24).',
  })
  @ApiCreatedResponse({ type: ReviewerAccountDto })
  @ApiProblemResponses({
    400: 'VALIDATION_FAILED',
    ...ADMIN_ONLY,
    409: 'LOGIN_ID_TAKEN (an account with this email exists)',
    503: 'SERVICE_UNAVAILABLE (the email could not be sent; nothing was created)',
  })
  create(@Body() body: CreateReviewerDto, @Req() req: ReviewerRequest): Promise<ReviewerAccountView> {
    return this.admin.invite(body, reviewerActor(req));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One reviewer account (ADMIN only)' })
  @ApiOkResponse({ type: ReviewerAccountDto })
  @ApiProblemResponses({ 400: 'VALIDATION_FAILED (not a UUID)', ...ADMIN_ONLY, 404: 'NOT_FOUND' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ReviewerAccountView> {
    return this.admin.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change the role and/or disable (or enable) a reviewer account (ADMIN only)',
    description:
      'Disabling ends every session of the account at once. An admin cannot disable or demote themself, and the last enabled ADMIN stays one. ' +
      'Two admins demoting or disabling each other at the same time take turns: the second finds it is no longer an enabled ADMIN (403 FORBIDDEN).',
  })
  @ApiOkResponse({ type: ReviewerAccountDto })
  @ApiProblemResponses({
    400: 'VALIDATION_FAILED',
    ...ADMIN_ONLY,
    403: 'FORBIDDEN (not an ADMIN, also when a concurrent change demoted or disabled you first, or a cookie request without the CSRF token)',
    404: 'NOT_FOUND',
    422: 'OWN_ACCOUNT_CHANGE (your own account) or LAST_ADMIN (it would leave no enabled ADMIN)',
  })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateReviewerDto, @Req() req: ReviewerRequest): Promise<ReviewerAccountView> {
    const actor = reviewerActor(req);
    return this.admin.update(id, body, { ...actor, id: actor.id! });
  }

  @Post(':id/password-reset')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email the reviewer a new set-password link; older links stop working (ADMIN only)' })
  @ApiAcceptedResponse({ description: 'The link was sent' })
  @ApiProblemResponses({
    400: 'VALIDATION_FAILED (not a UUID)',
    ...ADMIN_ONLY,
    404: 'NOT_FOUND',
    409: 'INVALID_STATE (the account is disabled)',
    503: 'SERVICE_UNAVAILABLE',
  })
  async passwordReset(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: ReviewerRequest): Promise<void> {
    await this.admin.sendPasswordReset(id, reviewerActor(req));
  }
}
