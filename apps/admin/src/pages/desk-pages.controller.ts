import { Body, Controller, Get, Param, Post, Query, Req, Res, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditSearch } from '#app/audit';
import { DomainError, ErrorCode } from '#app/core';
import { ReviewerAccountsService, ReviewerAdminService, type ReviewerPrincipal } from '#app/reviewers';
import { InquiryInboxService, isInquiryStatus } from '#app/support';
import { documentDownload, problemStatus, problemsTotal } from '#app/web';
import { ensureCsrfToken } from '../auth/csrf.js';
import { CurrentReviewer } from '../auth/current-reviewer.js';
import { reviewerActor, type ReviewerRequest } from '../auth/reviewer-request.js';
import { ReviewerAuth, Roles } from '../auth/roles.guard.js';
import { MemberLookupService } from '../members/member-lookup.service.js';
import { renderAccountPage, renderAccountsPage } from './accounts.page.js';
import { renderAuditPage, type AuditFilterView } from './audit.page.js';
import { textFor, type DeskTextKey } from './desk-text.js';
import { renderInboxPage, renderInquiryPage } from './inbox.page.js';
import { sendPage } from './layout.js';
import { renderMemberPage } from './member.page.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { pageLanguageOf } from './page-language.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An ID of a page URL; anything that is not a UUID is nothing (404 page). */
function idOf(id: string): string {
  if (!UUID.test(id)) throw new DomainError(ErrorCode.NOT_FOUND, 'Not found');
  return id.toLowerCase();
}

// The `done` notices a redirect after a successful form may show.
const NOTICES: Readonly<Record<string, DeskTextKey>> = {
  created: 'created_notice',
  updated: 'updated_notice',
  reset: 'reset_notice',
  replied: 'replied_notice',
  closed: 'closed_notice',
};

// Refusals a form answers by showing its page again with the reason; anything else is the error page.
const FORM_REFUSALS = new Set<string>([
  ErrorCode.VALIDATION_FAILED,
  ErrorCode.LOGIN_ID_TAKEN,
  ErrorCode.LAST_ADMIN,
  ErrorCode.OWN_ACCOUNT_CHANGE,
  ErrorCode.INVALID_STATE,
  ErrorCode.SERVICE_UNAVAILABLE,
]);

function noticeOf(language: 'ko' | 'en', done: unknown): string | undefined {
  return typeof done === 'string' && Object.hasOwn(NOTICES, done) ? textFor(language)(NOTICES[done]) : undefined;
}

/** A form refusal to show on the page (with its status), or rethrows what is not one. */
function refusalOf(error: unknown): { status: number; message: string } {
  if (!(error instanceof DomainError) || !FORM_REFUSALS.has(error.code)) throw error;
  problemsTotal.inc({ code: error.code });
  return { status: problemStatus(error.code), message: error.message };
}

/**
 * The review desk's pages (issue 14): reviewer accounts and the audit trail (ADMIN), the support
 * inbox and member lookup (every reviewer). Forms post with the CSRF token (ReviewerAuthGuard
 * checks it), succeed with a 303 back to the page and a notice, or show the page again with why.
 */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
@ReviewerAuth()
export class DeskPagesController {
  constructor(
    private readonly accounts: ReviewerAccountsService,
    private readonly admin: ReviewerAdminService,
    private readonly inbox: InquiryInboxService,
    private readonly audit: AuditSearch,
    private readonly members: MemberLookupService,
  ) {}

  // ---- Reviewer accounts (ADMIN)

  @Get('accounts')
  @Roles('ADMIN')
  async accountsPage(
    @Query('done') done: unknown,
    @CurrentReviewer() { reviewer }: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    const language = pageLanguageOf(req);
    const accounts = await this.accounts.list();
    sendPage(res, 200, renderAccountsPage({ reviewer, csrfToken: ensureCsrfToken(req, res), language, accounts, notice: noticeOf(language, done) }));
  }

  @Post('accounts')
  @Roles('ADMIN')
  async createAccount(
    @Body() body: Record<string, unknown> | undefined,
    @CurrentReviewer() { reviewer }: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    const { email, displayName, role } = body ?? {};
    try {
      await this.admin.invite({ email, displayName, role }, reviewerActor(req));
    } catch (error) {
      const refusal = refusalOf(error);
      const typed = {
        email: typeof email === 'string' ? email : '',
        displayName: typeof displayName === 'string' ? displayName : '',
        role: typeof role === 'string' ? role : undefined,
      };
      const page = renderAccountsPage({
        reviewer,
        csrfToken: ensureCsrfToken(req, res),
        language: pageLanguageOf(req),
        accounts: await this.accounts.list(),
        error: refusal.message,
        typed,
      });
      return sendPage(res, refusal.status, page);
    }
    res.redirect(303, '/accounts?done=created');
  }

  @Get('accounts/:id')
  @Roles('ADMIN')
  async accountPage(
    @Param('id') id: string,
    @Query('done') done: unknown,
    @CurrentReviewer() { reviewer }: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    const language = pageLanguageOf(req);
    const account = await this.admin.get(idOf(id));
    sendPage(res, 200, renderAccountPage({ reviewer, csrfToken: ensureCsrfToken(req, res), language, account, notice: noticeOf(language, done) }));
  }

  @Post('accounts/:id')
  @Roles('ADMIN')
  async updateAccount(
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
    @CurrentReviewer() { reviewer }: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    const reviewerId = idOf(id);
    try {
      await this.admin.update(reviewerId, { role: body?.role, disabled: body?.disabled === 'true' }, { ...reviewerActor(req), id: reviewer.id });
    } catch (error) {
      const refusal = refusalOf(error);
      const page = renderAccountPage({
        reviewer,
        csrfToken: ensureCsrfToken(req, res),
        language: pageLanguageOf(req),
        account: await this.admin.get(reviewerId),
        error: refusal.message,
      });
      return sendPage(res, refusal.status, page);
    }
    res.redirect(303, `/accounts/${reviewerId}?done=updated`);
  }

  @Post('accounts/:id/password-reset')
  @Roles('ADMIN')
  async resetPassword(
    @Param('id') id: string,
    @CurrentReviewer() { reviewer }: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    const reviewerId = idOf(id);
    try {
      await this.admin.sendPasswordReset(reviewerId, reviewerActor(req));
    } catch (error) {
      const refusal = refusalOf(error);
      const page = renderAccountPage({
        reviewer,
        csrfToken: ensureCsrfToken(req, res),
        language: pageLanguageOf(req),
        account: await this.admin.get(reviewerId),
        error: refusal.message,
      });
      return sendPage(res, refusal.status, page);
    }
    res.redirect(303, `/accounts/${reviewerId}?done=reset`);
  }

  // ---- Support inbox

  @Get('inbox')
  async inboxPage(
    @Query() query: Record<string, unknown>,
    @CurrentReviewer() { reviewer }: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    const status = isInquiryStatus(query.status) ? query.status : undefined;
    const page = await this.inbox.list({ status, cursor: typeof query.cursor === 'string' && query.cursor !== '' ? query.cursor : undefined });
    sendPage(res, 200, renderInboxPage({ reviewer, csrfToken: ensureCsrfToken(req, res), language: pageLanguageOf(req), status, page }));
  }

  @Get('inbox/:id')
  async inquiryPage(
    @Param('id') id: string,
    @Query('done') done: unknown,
    @CurrentReviewer() { reviewer }: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    const language = pageLanguageOf(req);
    const inquiry = await this.inbox.thread(idOf(id));
    sendPage(res, 200, renderInquiryPage({ reviewer, csrfToken: ensureCsrfToken(req, res), language, inquiry, notice: noticeOf(language, done) }));
  }

  @Get('inbox/:id/attachments/:documentId')
  async attachment(
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Query('inline') inline: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return documentDownload(res, await this.inbox.openAttachment(idOf(id), idOf(documentId)), { inline: inline === 'true' });
  }

  @Post('inbox/:id/replies')
  async reply(
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
    @CurrentReviewer() { reviewer }: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    const inquiryId = idOf(id);
    try {
      await this.inbox.reply(inquiryId, body?.body, { ...reviewerActor(req), id: reviewer.id });
    } catch (error) {
      const refusal = refusalOf(error);
      const typedReply = typeof body?.body === 'string' ? body.body : undefined;
      const page = renderInquiryPage({
        reviewer,
        csrfToken: ensureCsrfToken(req, res),
        language: pageLanguageOf(req),
        inquiry: await this.inbox.thread(inquiryId),
        error: refusal.message,
        typedReply,
      });
      return sendPage(res, refusal.status, page);
    }
    res.redirect(303, `/inbox/${inquiryId}?done=replied`);
  }

  @Post('inbox/:id/close')
  async close(@Param('id') id: string, @CurrentReviewer() { reviewer }: ReviewerPrincipal, @Req() req: ReviewerRequest, @Res() res: Response): Promise<void> {
    const inquiryId = idOf(id);
    try {
      await this.inbox.close(inquiryId, reviewerActor(req));
    } catch (error) {
      const refusal = refusalOf(error);
      const page = renderInquiryPage({
        reviewer,
        csrfToken: ensureCsrfToken(req, res),
        language: pageLanguageOf(req),
        inquiry: await this.inbox.thread(inquiryId),
        error: refusal.message,
      });
      return sendPage(res, refusal.status, page);
    }
    res.redirect(303, `/inbox/${inquiryId}?done=closed`);
  }

  // ---- Audit trail (ADMIN)

  @Get('audit')
  @Roles('ADMIN')
  async auditPage(
    @Query() query: Record<string, unknown>,
    @CurrentReviewer() { reviewer }: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
    const filter: AuditFilterView = { memberId: text(query.memberId), applicationId: text(query.applicationId), type: text(query.type) };
    const common = { reviewer, csrfToken: ensureCsrfToken(req, res), language: pageLanguageOf(req), filter };
    try {
      const page = await this.audit.search({ ...filter, cursor: text(query.cursor) });
      sendPage(res, 200, renderAuditPage({ ...common, page }));
    } catch (error) {
      const refusal = refusalOf(error);
      sendPage(res, refusal.status, renderAuditPage({ ...common, page: { items: [], nextCursor: null }, error: refusal.message }));
    }
  }

  // ---- Member lookup

  @Get('lookup')
  async lookupForm(
    @Query('id') id: unknown,
    @CurrentReviewer() { reviewer }: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    if (typeof id === 'string' && UUID.test(id.trim())) return res.redirect(303, `/lookup/${id.trim().toLowerCase()}`);
    const query = typeof id === 'string' ? id : undefined;
    sendPage(res, query ? 404 : 200, renderMemberPage({ reviewer, csrfToken: ensureCsrfToken(req, res), language: pageLanguageOf(req), member: null, query }));
  }

  @Get('lookup/:id')
  async lookupPage(
    @Param('id') id: string,
    @CurrentReviewer() { reviewer }: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    const member = await this.members.lookup(idOf(id));
    sendPage(res, 200, renderMemberPage({ reviewer, csrfToken: ensureCsrfToken(req, res), language: pageLanguageOf(req), member }));
  }
}
