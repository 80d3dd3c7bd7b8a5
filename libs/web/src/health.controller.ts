import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { ErrorCode } from '#app/core';
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
  ) {}

  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Database and Temporal reachability; 503 problem document when either is down' })
  @ApiResponse({ status: 200, description: '{ status: "ok", checks: { database: "up", temporal: "up" } }' })
  @ApiResponse({ status: 503, description: 'application/problem+json with code SERVICE_UNAVAILABLE and the checks' })
  async health(@Res() res: Response): Promise<void> {
    const [database, temporal] = await Promise.all([this.database(), this.temporalStatus()]);
    const checks = { database, temporal };
    if (database === 'up' && temporal === 'up') {
      res.status(200).json({ status: 'ok', checks });
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

  private async temporalStatus(): Promise<CheckStatus> {
    return (await this.temporal.isReachable(2_000)) ? 'up' : 'down';
  }
}
