// Seeds the demo accounts of the embedded default (idempotent) and writes their credentials to
// var/demo-accounts.txt for quickstart to print. Demo data only: never run against production.
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '#app/audit';
import { ConfigModule, loadConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { MembersModule, SignUpService } from '#app/members';
import { PersistenceModule } from '#app/persistence';
import { ReviewerAccountsService, ReviewersModule } from '#app/reviewers';

export const DEMO_MEMBER = { loginId: 'demo.member@example.com', password: 'Demo!2345' } as const;
export const DEMO_REVIEWER = { email: 'demo.reviewer@example.com', password: 'Review!2345', role: 'REVIEWER', displayName: 'Demo Reviewer' } as const;

const config = loadConfig();

@Module({ imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot({ poolSize: 2 }), AuditModule, MembersModule, ReviewersModule] })
class SeedModule {}

const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error'] });
try {
  await app
    .get(SignUpService)
    .signUp(
      {
        loginId: DEMO_MEMBER.loginId,
        password: DEMO_MEMBER.password,
        name: 'Demo Member',
        memberType: 'PERSONAL',
        mobilePhone: '+821012345678',
        language: 'en',
        serviceArea: config.serviceAreas[0],
        billingEmail: DEMO_MEMBER.loginId,
        address: { country: 'KR', postalCode: '06236', line1: '152 Teheran-ro, Gangnam-gu', line2: '12F' },
      },
      { type: 'SYSTEM', id: null },
    )
    .then(
      () => console.log(`Seeded demo member ${DEMO_MEMBER.loginId}`),
      (error: unknown) => {
        if (error instanceof DomainError && error.code === ErrorCode.LOGIN_ID_TAKEN) return;
        throw error;
      },
    );
  // Test-only crash point (test/integration/seed-demo.test.ts): dies between the two accounts as a
  // killed quickstart would. Refused with NODE_ENV=production, like the worker's fault switch.
  if (process.env.SEED_DEMO_DIE_AFTER === 'member') {
    if (process.env.NODE_ENV === 'production') throw new Error('SEED_DEMO_DIE_AFTER is a test-only switch and is refused when NODE_ENV=production');
    process.kill(process.pid, 'SIGKILL');
  }
  await app
    .get(ReviewerAccountsService)
    .create(DEMO_REVIEWER, { type: 'SYSTEM', id: null, userAgent: 'seed-demo' })
    .then(
      () => console.log(`Seeded demo reviewer ${DEMO_REVIEWER.email}`),
      (error: unknown) => {
        if (error instanceof DomainError && error.code === ErrorCode.LOGIN_ID_TAKEN) return;
        throw error;
      },
    );
  const file = path.resolve('var', 'demo-accounts.txt');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    [
      'Demo accounts (embedded default only):',
      `  Member    login ID ${DEMO_MEMBER.loginId}   password ${DEMO_MEMBER.password}   (mobile +821012345678)`,
      `  Reviewer  email    ${DEMO_REVIEWER.email} password ${DEMO_REVIEWER.password}   (role ${DEMO_REVIEWER.role}; admin app http://127.0.0.1:${config.adminPort}/)`,
      '',
    ].join('\n'),
  );
} finally {
  await app.close();
}
