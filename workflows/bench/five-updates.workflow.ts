import { ApplicationFailure, allHandlersFinished, condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** The number of Updates in a login-ID change (identity code sent, SMS code, new login ID, email code, confirm). */
export const FIVE_UPDATES_STEPS = 5;

/** Step n (1 to 5) of the reference; answers how many steps are done. */
export const benchStep = defineUpdate<number, [step: number]>('benchStep');

/**
 * Bench reference for quality.md P4 (bench/login-id-change.ts): a workflow that only answers five
 * Updates in order, each behind a validator, with no activities — the floor that a login-ID
 * change's five steps stand on, measured on the same server and worker. Not used by the product.
 */
export async function fiveUpdatesWorkflow(): Promise<number> {
  let done = 0;
  setHandler(
    benchStep,
    (_step) => {
      done += 1;
      return done;
    },
    {
      validator: (step) => {
        if (step !== done + 1) throw ApplicationFailure.create({ type: 'INVALID_STATE', message: `Expected step ${done + 1}`, nonRetryable: true });
      },
    },
  );
  await condition(() => done >= FIVE_UPDATES_STEPS);
  await condition(allHandlersFinished);
  return done;
}
