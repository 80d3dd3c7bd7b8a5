import { randomUUID } from 'node:crypto';
import type { ReviewerRole } from './reviewer-role.js';
import { ReviewerEntity } from './reviewer.entity.js';

/** A reviewer row as both ways of creating one (operator command, admin invitation) insert it. */
export function newReviewer(fields: { email: string; passwordHash: string; role: ReviewerRole; displayName: string }, now = new Date()): ReviewerEntity {
  return Object.assign(new ReviewerEntity(), {
    id: randomUUID(),
    ...fields,
    disabledAt: null,
    failedPasswordAttempts: 0,
    lockedUntil: null,
    createdAt: now,
    updatedAt: now,
  });
}
