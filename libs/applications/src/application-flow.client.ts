import { Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { TemporalGateway } from '#app/temporal';
import type { ApplicationFlowView } from '#workflows/required-info-application/application.types';
import { requiredInfoApplicationWorkflow } from '#workflows/required-info-application/required-info-application.workflow';
import { APPLICATION_ID, FLOW_STATUS, MEMBER_ID } from '#workflows/search-attributes';

const WORDING = { notFound: 'No such application, or it is already decided', alreadyRunning: 'This application is already being reviewed' };

export function applicationWorkflowId(applicationId: string): string {
  return `required-info-application:${applicationId}`;
}

/** Starts an application's review workflow and relays member and reviewer actions as Updates. */
@Injectable()
export class ApplicationFlowClient {
  constructor(
    private readonly temporal: TemporalGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(applicationId: string, memberId: string): Promise<void> {
    await this.temporal.call(
      (client) =>
        client.workflow.start(requiredInfoApplicationWorkflow, {
        workflowId: applicationWorkflowId(applicationId),
        taskQueue: this.temporal.taskQueue,
        args: [{ applicationId, memberId, deadlines: this.config.reviewDeadlines }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: MEMBER_ID, value: memberId },
          { key: APPLICATION_ID, value: applicationId },
          { key: FLOW_STATUS, value: 'SUBMITTED' },
        ],
      }),
      WORDING,
    );
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
