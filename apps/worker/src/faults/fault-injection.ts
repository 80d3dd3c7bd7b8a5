// Test-only fault switch (crash tests, reliability R1): ends or freezes the worker abruptly at a named
// point inside an activity, so a test can prove what a retry after a crash does. Production refuses it.
//
//   WORKER_FAULT_POINT=<activityName>:<before|after>   before = ahead of the activity's side effect,
//                                                       after  = side effect done, result not reported yet
//   WORKER_FAULT_ACTION=kill (default) | stop          kill = SIGKILL itself; stop = SIGSTOP itself
//                                                       (the test sends SIGCONT later)
// A point fires once per process: a stopped worker that is resumed carries on normally.
import { ConfigError } from '#app/config';

export type FaultPhase = 'before' | 'after';
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
  const match = /^([A-Za-z][A-Za-z0-9]*):(before|after)$/.exec(point);
  if (!match) throw new ConfigError('WORKER_FAULT_POINT', 'must be <activityName>:before or <activityName>:after');
  const action = (env.WORKER_FAULT_ACTION?.trim() || 'kill') as FaultAction;
  if (action !== 'kill' && action !== 'stop') throw new ConfigError('WORKER_FAULT_ACTION', 'must be kill or stop');
  return { activity: match[1], phase: match[2] as FaultPhase, action };
}

type ActivityFunction = (...args: never[]) => Promise<unknown>;

/** Wraps every activity with its two fault points; with no plan the functions are returned unchanged. */
export function withFaultPoints(activities: Record<string, ActivityFunction>, plan: FaultPlan | undefined): Record<string, ActivityFunction> {
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
  const wrapped = { ...activities };
  const original = activities[plan.activity];
  wrapped[plan.activity] = (async (...args: never[]) => {
    fire('before');
    const result = await original(...args);
    fire('after');
    return result;
  }) as ActivityFunction;
  return wrapped;
}
