import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { TemporalGateway } from '#app/temporal';
import {
  applicationSubmitted,
  applicationWorkflowId,
  type ApplicationFlowView,
  type ApplicationSubmission,
} from '#workflows/required-info-application/application.contract';
import { requiredInfoApplicationWorkflow } from '#workflows/required-info-application/required-info-application.workflow';
import { APPLICATION_ID, FLOW_STATUS, MEMBER_ID } from '#workflows/search-attributes';

export { applicationWorkflowId } from '#workflows/required-info-application/application.contract';

const WORDING = { notFound: 'No such application, or it is already decided', alreadyRunning: 'This application is already being reviewed' };

/** Starts an application's review workflow and relays member and reviewer actions as Updates. */
@Injectable()
export class ApplicationFlowClient {
  constructor(
    private readonly temporal: TemporalGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Update-with-start: one call starts the workflow and waits for its first activity, which writes
   * the row. No row without a workflow, no workflow without its answer; a retried call (same ID)
   * joins the running workflow (USE_EXISTING) and its Update (same Update ID) instead of a second one.
   */
  async submit(applicationId: string, memberId: string, fourEyes: boolean, submission: ApplicationSubmission): Promise<ApplicationFlowView> {
    return this.temporal.call(
      (client) =>
        client.workflow.executeUpdateWithStart(applicationSubmitted, {
          updateId: `submit:${applicationId}`,
          startWorkflowOperation: new WithStartWorkflowOperation(requiredInfoApplicationWorkflow, {
            workflowId: applicationWorkflowId(applicationId),
            taskQueue: this.temporal.taskQueue,
            args: [{ applicationId, memberId, deadlines: this.config.reviewDeadlines, fourEyes, submission }],
            workflowIdConflictPolicy: 'USE_EXISTING',
            typedSearchAttributes: [
              { key: MEMBER_ID, value: memberId },
              { key: APPLICATION_ID, value: applicationId },
              { key: FLOW_STATUS, value: 'SUBMITTED' },
            ],
          }),
        }),
      WORDING,
    );
  }

  /** Whether the application's workflow exists (running or closed); undefined when Temporal cannot tell now. */
  async exists(applicationId: string): Promise<boolean | undefined> {
    try {
      await this.temporal.call((client) => client.workflow.getHandle(applicationWorkflowId(applicationId)).describe(), WORDING);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return false;
      return undefined;
    }
  }

  async act<Args extends unknown[]>(applicationId: string, update: UpdateDefinition<ApplicationFlowView, Args>, ...args: Args): Promise<ApplicationFlowView> {
    return this.temporal.call(
      (client) =>
        client.workflow
          .getHandle(applicationWorkflowId(applicationId))
          .executeUpdate<ApplicationFlowView, [unknown, ...unknown[]]>(update.name, { args: args as unknown as [unknown, ...unknown[]] }),
      WORDING,
    );
  }
}
