// Drives the review workflow with the Temporal client, as the apps do, for the workflow tier.
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  applicationStatus,
  applicationSubmitted,
  applicationWorkflowId,
  type ApplicationFlowView,
  type ReviewDeadlines,
} from '../../workflows/required-info-application/application.contract.js';
import { requiredInfoApplicationWorkflow } from '../../workflows/required-info-application/required-info-application.workflow.js';
import { stackConfig } from './stack.js';

export const LONG: ReviewDeadlines = { unclaimedSeconds: 3_600, inReviewSeconds: 3_600, infoRequestSeconds: 3_600 };

/** Starts a review the way the API does (update-with-start), for a member who exists in the database. */
export async function startReview(
  client: Client,
  memberId: string,
  options: { fourEyes?: boolean; deadlines?: ReviewDeadlines; name?: string; applicationId?: string } = {},
): Promise<{ applicationId: string; view: ApplicationFlowView }> {
  const applicationId = options.applicationId ?? randomUUID();
  const view = await client.workflow.executeUpdateWithStart(applicationSubmitted, {
    updateId: `submit:${applicationId}`,
    startWorkflowOperation: new WithStartWorkflowOperation(requiredInfoApplicationWorkflow, {
      workflowId: applicationWorkflowId(applicationId),
      taskQueue: stackConfig().temporal.taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [
        {
          applicationId,
          memberId,
          deadlines: options.deadlines ?? LONG,
          fourEyes: options.fourEyes ?? false,
          submission: {
            requestedMemberType: null,
            requestedName: options.name ?? 'Lee Minji',
            requestedBusinessName: null,
            requestedBusinessRegistrationNumber: null,
            reason: 'Workflow tier',
            documentIds: [],
            submittedAt: new Date().toISOString(),
            actor: { type: 'MEMBER', id: memberId },
          },
        },
      ],
    }),
  });
  return { applicationId, view };
}

export function reviewHandle(client: Client, applicationId: string) {
  const handle = client.workflow.getHandle(applicationWorkflowId(applicationId));
  return {
    handle,
    act: <Args extends unknown[]>(update: { name: string }, ...args: Args) =>
      handle.executeUpdate<ApplicationFlowView, [unknown, ...unknown[]]>(update.name, { args: args as unknown as [unknown, ...unknown[]] }),
    view: () => handle.query(applicationStatus),
  };
}

/** The refusal code of a failed Update (its ApplicationFailure type); throws if it did not fail. */
export async function refusalOf(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (error) {
    const cause = error instanceof WorkflowUpdateFailedError ? error.cause : error;
    if (cause instanceof ApplicationFailure && cause.type) return cause.type;
    throw error;
  }
  throw new Error('The action was not refused');
}
