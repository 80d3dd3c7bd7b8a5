import { ApplicationFailure, allHandlersFinished, condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** The number of Updates in a login-ID change (identity code sent, SMS code, new login ID, email code, confirm). */
export const FIVE_UPDATES_STEPS = 5;

/** Step n (1 to 5) of the reference; answers how many steps are done. */
export const benchStep = defineUpdate<number, [step: number]>('benchStep');

/**
 * Bench reference for quality.md P4 (bench/login-id-change.ts): a workflow that only answers five
 * Updates in order, each behind a validator, with no activities — the least that a login-ID
 * change's five steps stand on, measured on the same server and worker (its durable-shape floors:
 * five-durable-updates.workflow.ts). Not used by the product.
 */
export async function fiveUpdatesWorkflow(): Promise<number> {
  let done = 0;
  setHandler(
    benchStep,
    (_step) => {
      done += 1;
      return done;
    },
    { validator: inOrder(() => done) },
  );
  await allStepsDone(() => done);
  return done;
}

/** The bench workflows' Update validator: step n only after n − 1 steps. */
export function inOrder(done: () => number): (step: number) => void {
  return (step) => {
    if (step !== done() + 1) throw ApplicationFailure.create({ type: 'INVALID_STATE', message: `Expected step ${done() + 1}`, nonRetryable: true });
  };
}

/** Resolves once all five steps are done and their handlers have returned. */
export async function allStepsDone(done: () => number): Promise<void> {
  await condition(() => done() >= FIVE_UPDATES_STEPS);
  await condition(allHandlersFinished);
}
