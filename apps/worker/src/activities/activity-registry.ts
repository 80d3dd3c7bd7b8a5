import { Injectable } from '@nestjs/common';
import type { LoginIdChangeActivities, PingActivities, RequiredInfoApplicationActivities } from '#workflows/activities';
import { LoginIdChangeActivitiesImpl } from './login-id-change.activities.js';
import { PingActivitiesImpl } from './ping.activities.js';
import { RequiredInfoApplicationActivitiesImpl } from './required-info-application.activities.js';

const REQUIRED_INFO_APPLICATION: (keyof RequiredInfoApplicationActivities)[] = [
  'createApplication',
  'recordApplicationTransition',
  'markApplicationOverdue',
  'sendApplicationNotice',
  'approveApplication',
  'flagApplicationOverdue',
  'notifyApplicant',
];

type ActivityFunction = (...args: never[]) => Promise<unknown>;

const LOGIN_ID_CHANGE: (keyof LoginIdChangeActivities)[] = [
  'sendIdentityCode',
  'checkNewLoginId',
  'sendEmailCode',
  'checkNewLoginIdAndSendCode',
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
    private readonly applications: RequiredInfoApplicationActivitiesImpl,
  ) {}

  activities(): Record<string, ActivityFunction> {
    return {
      ...bind(this.ping, ['recordPing'] satisfies (keyof PingActivities)[]),
      ...bind(this.loginIdChange, LOGIN_ID_CHANGE),
      ...bind(this.applications, REQUIRED_INFO_APPLICATION),
    };
  }
}

function bind<T extends object>(target: T, names: readonly (keyof T & string)[]): Record<string, ActivityFunction> {
  return Object.fromEntries(names.map((name) => [name, (target[name] as ActivityFunction).bind(target)]));
}
