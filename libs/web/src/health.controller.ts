import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HttpResponse } from './http-platform.js';
import type { DataSource } from 'typeorm';
import { ErrorCode } from '#app/core';
import { COUNTER_STORE, type CounterStore } from '#app/counters';
import { DOCUMENT_STORAGE, type DocumentStorage } from '#app/documents';
import { NOTIFICATION_TRANSPORTS, type NotificationTransports } from '#app/notifications';
import { TemporalGateway } from '#app/temporal';

type CheckStatus = 'up' | 'down';

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalGateway,
    @Inject(COUNTER_STORE) private readonly counters: CounterStore,
    private readonly modules: ModuleRef,
  ) {}

  @Get()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reachability of every part; 503 problem document only when the database or Temporal is down',
    description: 'sms, storage and redis are listed too (up/down); one of them down answers 200 with it marked down.',
  })
  @ApiResponse({ status: 200, description: '{ status: "ok", checks: { database: "up", temporal: "up", sms: "up", storage: "up", redis: "up" } }' })
  @ApiResponse({ status: 503, description: 'application/problem+json with code SERVICE_UNAVAILABLE and the checks' })
  async health(@Res() res: HttpResponse): Promise<void> {
    const [database, temporal, parts] = await Promise.all([this.database(), this.temporalStatus(), this.parts()]);
    const checks = { database, temporal, ...parts };
    if (database === 'up' && temporal === 'up') {
      res.status(200).send({ status: Object.values(parts).includes('down') ? 'degraded' : 'ok', checks });
      return;
    }
    res
      .status(503)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: `urn:problem:${ErrorCode.SERVICE_UNAVAILABLE}`,
          title: 'Service unavailable',
          status: 503,
          detail: `Unavailable: ${Object.entries(checks)
            .filter(([, status]) => status === 'down')
            .map(([name]) => name)
            .join(', ')}`,
          code: ErrorCode.SERVICE_UNAVAILABLE,
          checks,
        }),
      );
  }

  private async database(): Promise<CheckStatus> {
    try {
      await within(this.dataSource.query('SELECT 1'), 2_000);
      return 'up';
    } catch {
      return 'down';
    }
  }

  /** The production parts this app uses (api.md): a part down fails only the requests that need it. */
  private async parts(): Promise<Record<string, CheckStatus>> {
    const transports = this.optional<NotificationTransports>(NOTIFICATION_TRANSPORTS);
    const storage = this.optional<DocumentStorage>(DOCUMENT_STORAGE);
    const [sms, stored, redis] = await Promise.all([
      transports ? probe(transports.sms.status?.()) : undefined,
      storage ? probe(storage.status?.()) : undefined,
      this.counters.status(2_000),
    ]);
    return { ...(sms ? { sms } : {}), ...(stored ? { storage: stored } : {}), redis };
  }

  private optional<T>(token: symbol): T | undefined {
    try {
      return this.modules.get<T>(token, { strict: false });
    } catch {
      return undefined;
    }
  }

  private async temporalStatus(): Promise<CheckStatus> {
    return (await this.temporal.isReachable(2_000)) ? 'up' : 'down';
  }
}

async function probe(status: Promise<CheckStatus> | undefined): Promise<CheckStatus> {
  if (!status) return 'up';
  try {
    return await within(status, 2_000);
  } catch {
    return 'down';
  }
}
