import { ApplicationFailure } from '@temporalio/workflow';

/**
 * A refusal of a member's or reviewer's action: fails the Update (not the workflow), typed with the
 * apps' error code so the API answers with it; `details` become problem-document extensions.
 */
export function refuse(code: string, message: string, details?: Record<string, unknown>): ApplicationFailure {
  return ApplicationFailure.create({ type: code, message, nonRetryable: true, details: details ? [details] : [] });
}
