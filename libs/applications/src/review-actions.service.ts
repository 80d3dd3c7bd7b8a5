import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '#app/core';
import { ReviewerEntity } from '#app/reviewers';
import {
  approveApplication,
  claimApplication,
  reassignApplication,
  rejectApplication,
  releaseApplication,
  requestInformation,
  type ApplicationFlowView,
} from '#workflows/required-info-application/application.contract';
import { ApplicationFlowClient } from './application-flow.client.js';

/**
 * The review actions, one place for both admin surfaces (the JSON API and the pages): each is one
 * workflow Update; the workflow validates it (claimant, state, four eyes) and serialises them.
 */
@Injectable()
export class ReviewActionsService {
  constructor(
    private readonly flows: ApplicationFlowClient,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  claim(applicationId: string, reviewerId: string): Promise<ApplicationFlowView> {
    return this.flows.act(applicationId, claimApplication, reviewerId);
  }

  release(applicationId: string, reviewerId: string): Promise<ApplicationFlowView> {
    return this.flows.act(applicationId, releaseApplication, reviewerId);
  }

  /** The first approval of a four-eyes application moves it to AWAITING_SECOND_APPROVAL; the second applies it. */
  approve(applicationId: string, reviewerId: string): Promise<ApplicationFlowView> {
    return this.flows.act(applicationId, approveApplication, reviewerId);
  }

  reject(applicationId: string, reviewerId: string, reason: string): Promise<ApplicationFlowView> {
    return this.flows.act(applicationId, rejectApplication, reviewerId, reason);
  }

  requestInformation(applicationId: string, reviewerId: string, message: string): Promise<ApplicationFlowView> {
    return this.flows.act(applicationId, requestInformation, reviewerId, message);
  }

  /**
   * ADMIN: frees (`reviewerId` null) or hands over a claim held by anyone; audited, and the previous
   * claimant is told by email (both done by the workflow). The new claimant must be an active reviewer.
   */
  async reassign(applicationId: string, adminId: string, reviewerId: string | null): Promise<ApplicationFlowView> {
    if (reviewerId !== null) {
      const target = await this.dataSource.manager.findOneBy(ReviewerEntity, { id: reviewerId });
      if (!target || target.disabledAt !== null) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'No active reviewer with this ID', { errors: [{ field: 'reviewerId', rules: ['activeReviewer'] }] });
      }
    }
    return this.flows.act(applicationId, reassignApplication, adminId, reviewerId);
  }
}
