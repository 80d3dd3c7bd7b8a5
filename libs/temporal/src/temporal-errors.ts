import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import { DomainError, ErrorCode } from '#app/core';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

export interface TemporalErrorWording {
  /** When the flow does not exist (or is closed and refuses Updates). */
  readonly notFound: string;
  /** When a flow with the same ID is already running. */
  readonly alreadyRunning: string;
}

/**
 * Maps what Temporal answers to the apps' error codes: a workflow's refusal (an ApplicationFailure
 * typed with an ErrorCode, possibly under an ActivityFailure) keeps its code and details.
 */
export function temporalErrorToDomain(error: unknown, wording: TemporalErrorWording): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof WorkflowExecutionAlreadyStartedError) return new DomainError(ErrorCode.CHANGE_ALREADY_IN_PROGRESS, wording.alreadyRunning);
  if (error instanceof WorkflowNotFoundError) return new DomainError(ErrorCode.NOT_FOUND, wording.notFound);
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The flow did not answer in time; check its status and retry');
  }
  let failure: unknown = error instanceof WorkflowUpdateFailedError ? error.cause : error;
  while (failure instanceof Error && !(failure instanceof ApplicationFailure) && failure.cause) failure = failure.cause;
  if (failure instanceof ApplicationFailure && failure.type && KNOWN_CODES.has(failure.type)) {
    const details = (failure.details?.[0] ?? {}) as Record<string, unknown>;
    const publicDetails = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined && value !== null));
    return new DomainError(failure.type as ErrorCode, failure.message, publicDetails);
  }
  // A closed workflow refuses Updates with a NOT_FOUND service error.
  const grpcCode = (error as { code?: unknown } | null)?.code;
  if (grpcCode === 5 || /workflow execution already completed/i.test((error as Error | null)?.message ?? '')) {
    return new DomainError(ErrorCode.NOT_FOUND, wording.notFound);
  }
  return error;
}
