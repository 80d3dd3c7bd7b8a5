import { proxyActivities, proxyLocalActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { PingActivities } from '../activities.js';
import { FLOW_STATUS } from '../search-attributes.js';
import { allStepsDone, benchStep, inOrder } from './five-updates.workflow.js';

const scheduled = proxyActivities<PingActivities>({ startToCloseTimeout: '10 seconds' });
const local = proxyLocalActivities<PingActivities>({ startToCloseTimeout: '10 seconds' });

/**
 * Activities a login-ID change runs per step (send the SMS code; check it; check the new address and
 * send its code; check that code; commit) and after the last one (the notices): scheduled ones as v2
 * ran them (the check and the code of step 3 apart), local ones as v3 runs them (step 3's in one).
 */
export const DURABLE_STEP_ACTIVITIES = [1, 1, 2, 1, 1] as const;
export const LOCAL_STEP_ACTIVITIES = [1, 1, 1, 1, 1] as const;
export const DURABLE_CLOSING_ACTIVITIES = 1;

/**
 * Bench floor for quality.md P4 (bench/login-id-change.ts), not the reference: the reference's five
 * Updates with the *shape* a durable login-ID change needs — each step's effect an activity whose
 * result the history records (as many as the change runs, each a no-op) and the step's status in a
 * search attribute for operators — and none of its work (no HTTP, database, codes or messages).
 * What it costs over the reference is what Temporal charges for that shape alone. Not used by the product.
 */
export const fiveDurableUpdatesWorkflow = durableUpdates(scheduled.recordPing, DURABLE_STEP_ACTIVITIES);

/** The same floor with each step's activities run as local activities (a marker each, no activity task); the closing one scheduled. */
export const fiveDurableLocalUpdatesWorkflow = durableUpdates(local.recordPing, LOCAL_STEP_ACTIVITIES);

function durableUpdates(recordPing: PingActivities['recordPing'], perStep: readonly number[]): () => Promise<number> {
  return async () => {
    let done = 0;
    setHandler(
      benchStep,
      async (step) => {
        for (let n = 0; n < perStep[step - 1]; n++) await recordPing(`step-${step}-${n}`);
        upsertSearchAttributes([{ key: FLOW_STATUS, value: `STEP_${step}` }]);
        done += 1;
        return done;
      },
      { validator: inOrder(() => done) },
    );
    await allStepsDone(() => done);
    // The closing notices stay a scheduled activity either way (they may retry for long).
    for (let n = 0; n < DURABLE_CLOSING_ACTIVITIES; n++) await scheduled.recordPing('closing');
    return done;
  };
}
