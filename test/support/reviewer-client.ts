import { execFileSync } from 'node:child_process';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { uniqueEmail } from './factories.js';

export interface SignedInReviewer {
  id: string;
  email: string;
  password: string;
  token: string;
}

export const REVIEWER_PASSWORD = 'Revi3w!pass';

/** Creates a reviewer account with the operator command (npm run admin:create-user), as an operator would (`env`: e.g. another DATABASE_URL). */
export function createReviewerWithCommand(
  role: 'REVIEWER' | 'ADMIN' = 'REVIEWER',
  email = uniqueEmail('reviewer'),
  env: Record<string, string> = {},
): { email: string; password: string } {
  execFileSync(
    process.execPath,
    ['dist/scripts/admin-create-user.js', '--email', email, '--password', REVIEWER_PASSWORD, '--role', role, '--name', 'Test Reviewer'],
    {
      env: { ...process.env, ...env },
      stdio: 'pipe',
    },
  );
  return { email, password: REVIEWER_PASSWORD };
}

/** A reviewer created by the command and signed in to the admin JSON API. */
export async function signedInReviewer(admin: INestApplication, role: 'REVIEWER' | 'ADMIN' = 'REVIEWER'): Promise<SignedInReviewer> {
  const { email, password } = createReviewerWithCommand(role);
  const res = await request(admin.getHttpServer()).post('/admin/api/v1/auth/login').send({ email, password }).expect(200);
  return { id: res.body.reviewer.id, email, password, token: res.body.accessToken };
}
