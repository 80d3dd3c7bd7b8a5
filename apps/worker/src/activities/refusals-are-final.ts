import { ApplicationFailure } from '@temporalio/activity';
import { DomainError } from '#app/core';

/** Business refusals end an activity at once (non-retryable, typed by code); anything else is retried. */
export async function refusalsAreFinal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw ApplicationFailure.nonRetryable(error.message, error.code);
    throw error;
  }
}
