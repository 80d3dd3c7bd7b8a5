import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApplicationsQuery, ReviewActionsService, type ReviewerApplicationDetail } from '#app/applications';
import { DomainError, ErrorCode } from '#app/core';
import { ReviewersRepository, type ReviewerPrincipal } from '#app/reviewers';
import { problemsTotal } from '#app/web';
import { requireRole } from '#app/reviewers';
import type { ApplicationFlowView } from '#workflows/required-info-application/application.contract';
import { ensureCsrfToken } from '../auth/csrf.js';
import { CurrentReviewer } from '../auth/current-reviewer.js';
import type { ReviewerRequest } from '../auth/reviewer-request.js';
import { ReviewerAuth } from '../auth/roles.guard.js';
import { sendPage } from './layout.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { pageLanguageOf } from './page-language.js';
import { queueFilterOf } from './queue-filter.js';
import { renderQueuePage } from './queue.page.js';
import { DONE_KEYS, doneNotice, PAGE_REFUSAL_CODES, refusalStatus, requiredNote, reviewRefusal, typedNote } from './review-refusals.js';
import { renderReviewPage, type ReviewAction, type ReviewRefusal } from './review.page.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The application ID of a page URL; anything that is not a UUID is no application (404 page). */
function applicationIdOf(id: string): string {
  if (!UUID.test(id)) throw new DomainError(ErrorCode.NOT_FOUND, 'No such application');
  return id.toLowerCase();
}

/**
 * The reviewer's queue and review pages (product.md §6), outside the JSON API prefix. The forms
 * post to /queue/:id/<action>, act through the same workflow Updates as the JSON API, then
 * redirect (303) back to the application with a notice, or show it again with the refusal.
 */
@ApiExcludeController()
@Controller('queue')
@UseFilters(PageExceptionFilter)
@ReviewerAuth()
export class ReviewPagesController {
  constructor(
    private readonly applications: ApplicationsQuery,
    private readonly actions: ReviewActionsService,
    private readonly reviewers: ReviewersRepository,
  ) {}

  @Get()
  async queue(
    @Query() query: Record<string, unknown>,
    @CurrentReviewer() { reviewer }: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    const filter = queueFilterOf(query);
    const page = await this.applications.queue({ status: filter.status, overdue: filter.overdueOnly ? true : undefined, cursor: filter.cursor });
    const language = pageLanguageOf(req);
    sendPage(res, 200, renderQueuePage({ reviewer, reviewerId: reviewer.id, csrfToken: ensureCsrfToken(req, res), filter, page, language }));
  }

  @Get(':id')
  async review(
    @Param('id') id: string,
    @Query('done') done: unknown,
    @CurrentReviewer() principal: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    const application = await this.applications.detailForReviewer(applicationIdOf(id));
    const notice = doneNotice(done, pageLanguageOf(req));
    await this.sendReview(req, res, 200, principal, application, { notice });
  }

  @Post(':id/claim')
  claim(@Param('id') id: string, @CurrentReviewer() principal: ReviewerPrincipal, @Req() req: ReviewerRequest, @Res() res: Response): Promise<void> {
    return this.act(req, res, principal, id, 'claim', (applicationId, reviewerId) => this.actions.claim(applicationId, reviewerId));
  }

  @Post(':id/release')
  release(@Param('id') id: string, @CurrentReviewer() principal: ReviewerPrincipal, @Req() req: ReviewerRequest, @Res() res: Response): Promise<void> {
    return this.act(req, res, principal, id, 'release', (applicationId, reviewerId) => this.actions.release(applicationId, reviewerId));
  }

  @Post(':id/approve')
  approve(@Param('id') id: string, @CurrentReviewer() principal: ReviewerPrincipal, @Req() req: ReviewerRequest, @Res() res: Response): Promise<void> {
    return this.act(req, res, principal, id, 'approve', (applicationId, reviewerId) => this.actions.approve(applicationId, reviewerId));
  }

  @Post(':id/reject')
  reject(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentReviewer() principal: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    return this.act(req, res, principal, id, 'reject', (applicationId, reviewerId) =>
      this.actions.reject(applicationId, reviewerId, requiredNote('reject', body)),
    );
  }

  @Post(':id/request-info')
  requestInfo(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentReviewer() principal: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    return this.act(req, res, principal, id, 'request-info', (applicationId, reviewerId) =>
      this.actions.requestInformation(applicationId, reviewerId, requiredNote('request-info', body)),
    );
  }

  /** ADMIN: frees the claim (`reviewerId` empty) or hands it to another reviewer. */
  @Post(':id/reassign')
  reassign(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentReviewer() principal: ReviewerPrincipal,
    @Req() req: ReviewerRequest,
    @Res() res: Response,
  ): Promise<void> {
    requireRole(principal.reviewer, 'ADMIN');
    const target = (body as Record<string, unknown> | undefined)?.reviewerId;
    const reviewerId = typeof target === 'string' && UUID.test(target) ? target.toLowerCase() : null;
    if (typeof target === 'string' && target !== '' && reviewerId === null)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Choose a reviewer from the list');
    return this.act(req, res, principal, id, 'reassign', (applicationId, adminId) => this.actions.reassign(applicationId, adminId, reviewerId));
  }

  /** Runs one review action; a refusal shows the application again with why (an unknown one is the 404 page). */
  private async act(
    req: ReviewerRequest,
    res: Response,
    principal: ReviewerPrincipal,
    id: string,
    action: ReviewAction,
    run: (applicationId: string, reviewerId: string) => Promise<ApplicationFlowView>,
  ): Promise<void> {
    const applicationId = applicationIdOf(id);
    let result: ApplicationFlowView;
    try {
      result = await run(applicationId, principal.reviewer.id);
    } catch (error) {
      if (!(error instanceof DomainError) || !PAGE_REFUSAL_CODES.has(error.code)) throw error;
      const application = await this.applications.detailForReviewer(applicationId);
      problemsTotal.inc({ code: error.code });
      const refusal = reviewRefusal(action, error, application, principal.reviewer.id, typedNote(action, req.body), pageLanguageOf(req));
      await this.sendReview(req, res, refusalStatus(error.code), principal, application, { refusal });
      return;
    }
    const done = action === 'approve' && result.status === 'AWAITING_SECOND_APPROVAL' ? 'first-approval' : DONE_KEYS[action];
    res.redirect(303, `/queue/${applicationId}?done=${done}`);
  }

  private async sendReview(
    req: ReviewerRequest,
    res: Response,
    status: number,
    { reviewer }: ReviewerPrincipal,
    application: ReviewerApplicationDetail,
    outcome: { notice?: string; refusal?: ReviewRefusal },
  ): Promise<void> {
    const claimedByOther = application.claimedBy !== null && application.claimedBy !== reviewer.id;
    const claimantName = claimedByOther ? ((await this.reviewers.findById(application.claimedBy!))?.displayName ?? null) : null;
    // Admins may hand a claim to another active reviewer: the page lists them.
    const isAdmin = reviewer.role === 'ADMIN';
    const reassignTo =
      isAdmin && application.claimedBy !== null
        ? (await this.reviewers.listAll())
            .filter((candidate) => candidate.disabledAt === null && candidate.id !== application.claimedBy && candidate.id !== application.firstApprovedBy)
            .map((candidate) => ({ id: candidate.id, displayName: candidate.displayName }))
        : [];
    const page = renderReviewPage({
      reviewer,
      reviewerId: reviewer.id,
      csrfToken: ensureCsrfToken(req, res),
      application,
      claimantName,
      isAdmin,
      reassignTo,
      ...outcome,
      language: pageLanguageOf(req),
    });
    sendPage(res, status, page);
  }
}
