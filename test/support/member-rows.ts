import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MemberEntity } from '../../libs/members/src/index.js';

/** Inserts a plain personal member row straight into the database (integration tests that need an owner) and returns its ID. */
export async function insertMemberRow(dataSource: DataSource): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await dataSource.manager.insert(MemberEntity, {
    id,
    loginId: `${id}@example.com`,
    passwordHash: '$2b$04$abcdefghijklmnopqrstuv',
    memberType: 'PERSONAL',
    name: 'Test Member',
    businessName: null,
    businessRegistrationNumber: null,
    mobilePhone: '+821012345678',
    language: 'en',
    serviceArea: 'KR',
    billingEmail: `${id}@example.com`,
    addressCountry: null,
    addressPostalCode: null,
    addressLine1: null,
    addressLine2: null,
    failedPasswordAttempts: 0,
    lockedUntil: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}
