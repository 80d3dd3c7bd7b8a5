import os from 'node:os';
import { Injectable } from '@nestjs/common';
import type { PingActivities } from '#workflows/activities';

@Injectable()
export class PingActivitiesImpl implements PingActivities {
  async recordPing(nonce: string): Promise<string> {
    return `${os.hostname()}/${process.pid}/${nonce.length}`;
  }
}
