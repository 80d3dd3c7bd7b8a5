import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { TemporalGateway, temporalErrorToDomain } from '#app/temporal';
import type { ApplicationFlowView } from '#workflows/required-info-application/application.types';
import { requiredInfoApplicationWorkflow } from '#workflows/required-info-application/required-info-application.workflow';
import { APPLICATION_ID, FLOW_STATUS, MEMBER_ID } from '#workflows/search-attributes';

const CALL_DEADLINE_MS = 20_000;

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
    const client = await this.client();
    await this.call(client, () =>
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
    );
  }

  async act<Args extends unknown[]>(applicationId: string, update: UpdateDefinition<ApplicationFlowView, Args>, ...args: Args): Promise<ApplicationFlowView> {
    const client = await this.client();
    const handle = client.workflow.getHandle(applicationWorkflowId(applicationId));
    return this.call(client, () =>
      handle.executeUpdate<ApplicationFlowView, [unknown, ...unknown[]]>(update.name, { args: args as unknown as [unknown, ...unknown[]] }),
    );
  }

  private async client(): Promise<Client> {
    try {
      return await this.temporal.client();
    } catch {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The workflow service is unavailable; retry shortly');
    }
  }

  private async call<T>(client: Client, fn: () => Promise<T>): Promise<T> {
    try {
      return await client.connection.withDeadline(Date.now() + CALL_DEADLINE_MS, fn);
    } catch (error) {
      throw temporalErrorToDomain(error, {
        notFound: 'No such application, or it is already decided',
        alreadyRunning: 'This application is already being reviewed',
      });
    }
  }
}
