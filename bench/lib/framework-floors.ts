// Context for P3 (bench/account.ts): the account read as the least a NestJS app can do it — one
// controller, one guard, the bare endpoint's own lookups and JSON — on each HTTP platform Nest has.
// Nothing of the product's app (its middlewares, request context, logging, metrics, filters) runs
// here, so the gap to the bare endpoint is the framework's own per-request cost on that platform.
import type { AddressInfo } from 'node:net';
import { Controller, Get, Header, HttpException, Module, Req, UseGuards, type CanActivate, type ExecutionContext, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { AccountRead } from './account-read.js';

export type FrameworkFloorPlatform = 'express' | 'fastify';

interface FloorRequest {
  headers: Record<string, string | string[] | undefined>;
  accountBody?: string;
}

/** Nest on `platform`, answering GET /api/v1/me/account with `read` (what the bare endpoint answers). */
export async function startFrameworkFloor(platform: FrameworkFloorPlatform, read: AccountRead): Promise<{ url: string; close: () => Promise<void> }> {
  class AccountGuard implements CanActivate {
    async canActivate(context: ExecutionContext): Promise<boolean> {
      const request = context.switchToHttp().getRequest<FloorRequest>();
      const authorization = request.headers.authorization;
      const answer = await read(typeof authorization === 'string' ? authorization : undefined);
      if (answer.status !== 200) throw new HttpException('refused', answer.status);
      request.accountBody = answer.body;
      return true;
    }
  }

  @Controller('api/v1')
  class AccountController {
    @Get('me/account')
    @Header('cache-control', 'no-store')
    @Header('content-type', 'application/json; charset=utf-8')
    @UseGuards(new AccountGuard())
    account(@Req() request: FloorRequest): string {
      return request.accountBody!;
    }
  }

  @Module({ controllers: [AccountController] })
  class FloorModule {}

  const adapter = platform === 'express' ? new ExpressAdapter() : new FastifyAdapter();
  const app: INestApplication = await NestFactory.create(FloorModule, adapter, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/v1/me/account`, close: () => app.close() };
}
