import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { aSignUp, type SignUpBody } from './factories.js';

export interface SignedInMember {
  id: string;
  loginId: string;
  password: string;
  token: string;
  sessionId: string;
  body: SignUpBody;
}

/** Signs a new member up and in over HTTP, as a client would. */
export async function signUpAndLogin(app: INestApplication, overrides: Partial<SignUpBody> = {}): Promise<SignedInMember> {
  const body = aSignUp(overrides);
  const created = await request(app.getHttpServer()).post('/api/v1/members').send(body).expect(201);
  const login = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ loginId: body.loginId, password: body.password }).expect(200);
  return { id: created.body.id, loginId: created.body.loginId, password: body.password, token: login.body.accessToken, sessionId: login.body.sessionId, body };
}

/** Signs up, logs in and re-authenticates: a session that may manage the account. */
export async function privilegedMember(app: INestApplication, overrides: Partial<SignUpBody> = {}): Promise<SignedInMember> {
  const member = await signUpAndLogin(app, overrides);
  await request(app.getHttpServer()).post('/api/v1/auth/reauthenticate').auth(member.token, { type: 'bearer' }).send({ password: member.password }).expect(200);
  return member;
}
