import { Injectable } from '@nestjs/common';
import { PingActivitiesImpl } from './ping.activities.js';

type ActivityFunction = (...args: never[]) => Promise<unknown>;

/** Collects the activity providers into the name → function map the Temporal worker registers. */
@Injectable()
export class ActivityRegistry {
  constructor(private readonly ping: PingActivitiesImpl) {}

  activities(): Record<string, ActivityFunction> {
    return { ...bind(this.ping, ['recordPing']) };
  }
}

function bind<T extends object>(target: T, names: readonly (keyof T & string)[]): Record<string, ActivityFunction> {
  return Object.fromEntries(names.map((name) => [name, (target[name] as ActivityFunction).bind(target)]));
}
