import { Injectable } from '@nestjs/common';
import type { LoginIdChangeActivities, PingActivities } from '#workflows/activities';
import { LoginIdChangeActivitiesImpl } from './login-id-change.activities.js';
import { PingActivitiesImpl } from './ping.activities.js';

type ActivityFunction = (...args: never[]) => Promise<unknown>;

const LOGIN_ID_CHANGE: (keyof LoginIdChangeActivities)[] = [
  'sendIdentityCode',
  'checkNewLoginId',
  'sendEmailCode',
  'checkCode',
  'resendCode',
  'commitLoginIdChange',
  'notifyLoginIdChanged',
  'closeLoginIdChange',
];

/** Collects the activity providers into the name → function map the Temporal worker registers. */
@Injectable()
export class ActivityRegistry {
  constructor(
    private readonly ping: PingActivitiesImpl,
    private readonly loginIdChange: LoginIdChangeActivitiesImpl,
  ) {}

  activities(): Record<string, ActivityFunction> {
    return {
      ...bind(this.ping, ['recordPing'] satisfies (keyof PingActivities)[]),
      ...bind(this.loginIdChange, LOGIN_ID_CHANGE),
    };
  }
}

function bind<T extends object>(target: T, names: readonly (keyof T & string)[]): Record<string, ActivityFunction> {
  return Object.fromEntries(names.map((name) => [name, (target[name] as ActivityFunction).bind(target)]));
}
