// Test-only fault switch (crash tests, reliability R1): ends or freezes the worker abruptly at a named
// point inside an activity, so a test can prove what a retry after a crash does. Production refuses it.
//
//   WORKER_FAULT_POINT=<activityName>:<before|sent|after>
//                                   before = ahead of the activity's side effect,
//                                   sent   = inside the activity, a notification's transport accepted the
//                                            message and its delivery row is not written yet
//                                   after  = side effect done, result not reported yet
//   WORKER_FAULT_ACTION=kill (default) | stop          kill = SIGKILL itself; stop = SIGSTOP itself
//                                                       (the test sends SIGCONT later)
// A point fires once per process: a stopped worker that is resumed carries on normally.
import { AsyncLocalStorage } from 'node:async_hooks';
import { ConfigError } from '#app/config';
import type { NotificationTransports } from '#app/notifications';

export type FaultPhase = 'before' | 'sent' | 'after';
export type FaultAction = 'kill' | 'stop';

export interface FaultPlan {
  readonly activity: string;
  readonly phase: FaultPhase;
  readonly action: FaultAction;
}

type Env = Record<string, string | undefined>;

/** Reads the switch; refuses it when NODE_ENV=production, so it can never ship switched on. */
export function faultPlanFromEnv(env: Env = process.env): FaultPlan | undefined {
  const point = env.WORKER_FAULT_POINT?.trim();
  if (!point) return undefined;
  if (env.NODE_ENV === 'production') throw new ConfigError('WORKER_FAULT_POINT', 'is a test-only switch and is refused when NODE_ENV=production');
  const match = /^([A-Za-z][A-Za-z0-9]*):(before|sent|after)$/.exec(point);
  if (!match) throw new ConfigError('WORKER_FAULT_POINT', 'must be <activityName>:before, <activityName>:sent or <activityName>:after');
  const action = (env.WORKER_FAULT_ACTION?.trim() || 'kill') as FaultAction;
  if (action !== 'kill' && action !== 'stop') throw new ConfigError('WORKER_FAULT_ACTION', 'must be kill or stop');
  return { activity: match[1], phase: match[2] as FaultPhase, action };
}

type ActivityFunction = (...args: never[]) => Promise<unknown>;

/**
 * Wraps the planned activity with its fault points; with no plan the functions are returned unchanged.
 * For `sent`, pass the worker's notification transports: their send methods are wrapped in place, and
 * the point fires after the first message the planned activity hands to a transport.
 */
export function withFaultPoints(
  activities: Record<string, ActivityFunction>,
  plan: FaultPlan | undefined,
  transports?: NotificationTransports,
): Record<string, ActivityFunction> {
  if (!plan || !(plan.activity in activities)) {
    if (plan) throw new ConfigError('WORKER_FAULT_POINT', `names no registered activity (${plan.activity})`);
    return activities;
  }
  let fired = false;
  const fire = (phase: FaultPhase) => {
    if (fired || phase !== plan.phase) return;
    fired = true;
    // A marker line for the test, written synchronously before the process ends or freezes.
    process.stderr.write(`FAULT_POINT_REACHED ${plan.activity}:${phase} ${plan.action}\n`);
    process.kill(process.pid, plan.action === 'kill' ? 'SIGKILL' : 'SIGSTOP');
  };
  // Which activity a transport call belongs to: only the planned one's messages fire `sent`.
  const running = new AsyncLocalStorage<string>();
  if (plan.phase === 'sent') {
    if (!transports) throw new ConfigError('WORKER_FAULT_POINT', 'a sent point needs the notification transports');
    afterEachSend(transports, () => {
      if (running.getStore() === plan.activity) fire('sent');
    });
  }
  const wrapped = { ...activities };
  const original = activities[plan.activity];
  wrapped[plan.activity] = (async (...args: never[]) => {
    fire('before');
    const result = await running.run(plan.activity, () => original(...args));
    fire('after');
    return result;
  }) as ActivityFunction;
  return wrapped;
}

function afterEachSend({ email, sms }: NotificationTransports, sent: () => void): void {
  const sendEmail = email.sendEmail.bind(email);
  const sendSms = sms.sendSms.bind(sms);
  email.sendEmail = async (message) => {
    const outcome = await sendEmail(message);
    sent();
    return outcome;
  };
  sms.sendSms = async (message) => {
    const outcome = await sendSms(message);
    sent();
    return outcome;
  };
}
