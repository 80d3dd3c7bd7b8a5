import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { SignedInMember } from './member-client.js';

export const FIXTURES = path.resolve('test/fixtures');
export const fixture = (name: string) => path.join(FIXTURES, name);

export interface ApplicationFields {
  memberType?: string;
  name?: string;
  businessName?: string;
  businessRegistrationNumber?: string;
  reason?: string;
}

/** Submits a required-info application as multipart/form-data, as a member's client would. */
export function submitApplication(
  app: INestApplication,
  member: SignedInMember,
  fields: ApplicationFields = { name: 'Lee Minji' },
  files: { form?: string | null; proofs?: string[] } = {},
) {
  const req = request(app.getHttpServer()).post('/api/v1/me/required-info-applications').auth(member.token, { type: 'bearer' });
  for (const [key, value] of Object.entries({ reason: 'Legal name change after marriage', ...fields })) {
    if (value !== undefined) req.field(key, value);
  }
  const form = files.form === undefined ? fixture('valid/proof.pdf') : files.form;
  if (form) req.attach('applicationForm', form, 'application-form.pdf');
  for (const proof of files.proofs ?? [fixture('valid/proof.png')]) req.attach('proofDocuments', proof);
  return req;
}

/** Counts what a refused submission must not leave behind. */
export function countDocumentFiles(dir = process.env.DOCUMENTS_DIR!): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

export function reviewerRequest(admin: INestApplication, token: string) {
  const http = admin.getHttpServer();
  return {
    get: (url: string) => request(http).get(`/admin/api/v1${url}`).auth(token, { type: 'bearer' }),
    post: (url: string, body: object = {}) => request(http).post(`/admin/api/v1${url}`).auth(token, { type: 'bearer' }).send(body),
  };
}
