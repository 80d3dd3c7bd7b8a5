import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEventEntity, type AuditActorType } from './audit-event.entity.js';
import { maskForAudit } from './audit-masking.js';

/** Who did it, and from where. */
export interface AuditActor {
  readonly type: AuditActorType;
  readonly id: string | null;
  readonly clientIp?: string | null;
  readonly userAgent?: string | null;
}

export interface AuditRecord {
  readonly action: string;
  readonly memberId: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
  /** A retried activity passes the same key: the event is recorded once (unique index). */
  readonly idempotencyKey?: string;
}

export const SYSTEM_ACTOR: AuditActor = { type: 'SYSTEM', id: null };

/**
 * Appends account events. Always called with the EntityManager of the transaction that makes the
 * change, so the event and the change commit (or roll back) together.
 */
@Injectable()
export class AuditTrail {
  async record(manager: EntityManager, actor: AuditActor, record: AuditRecord): Promise<void> {
    if (record.idempotencyKey && (await manager.existsBy(AuditEventEntity, { idempotencyKey: record.idempotencyKey }))) return;
    await manager.insert(AuditEventEntity, {
      id: randomUUID(),
      occurredAt: new Date(),
      actorType: actor.type,
      actorId: actor.id,
      memberId: record.memberId,
      action: record.action,
      clientIp: actor.clientIp?.slice(0, 45) ?? null,
      userAgent: actor.userAgent?.slice(0, 255) ?? null,
      beforeJson: record.before === undefined ? null : JSON.stringify(maskForAudit(record.before)),
      afterJson: record.after === undefined ? null : JSON.stringify(maskForAudit(record.after)),
      idempotencyKey: record.idempotencyKey ?? null,
    });
  }

  /** The member's events, oldest first. */
  async forMember(manager: EntityManager, memberId: string): Promise<AuditEventEntity[]> {
    return manager.find(AuditEventEntity, { where: { memberId }, order: { occurredAt: 'ASC' } });
  }
}
