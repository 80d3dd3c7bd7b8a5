import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource } from 'typeorm';
import { decodePageCursor, DomainError, encodePageCursor, ErrorCode, pageLimitOf } from '#app/core';
import { AuditEventEntity, type AuditActorType } from './audit-event.entity.js';
import { maskForAudit } from './audit-masking.js';

export interface AuditSearchFilter {
  readonly memberId?: unknown;
  readonly applicationId?: unknown;
  /** The event type (the `action` column), e.g. REVIEWER_UPDATED. */
  readonly type?: unknown;
  readonly cursor?: unknown;
  readonly limit?: unknown;
}

export interface AuditEventView {
  readonly id: string;
  readonly occurredAt: string;
  readonly type: string;
  readonly actorType: AuditActorType;
  readonly actorId: string | null;
  readonly memberId: string | null;
  readonly clientIp: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditEventPage {
  readonly items: AuditEventView[];
  readonly nextCursor: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE = /^[A-Z][A-Z0-9_]{0,63}$/;

function invalid(field: string, rule: string): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, `${field} is not valid`, { errors: [{ field, rules: [rule] }] });
}

function optional(value: unknown, field: string, shape: RegExp, rule: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !shape.test(value)) throw invalid(field, rule);
  return value;
}

// Rows written before masking rules changed are masked again on the way out: the viewer never shows more.
function parsed(json: string | null): unknown {
  if (json === null) return null;
  try {
    return maskForAudit(JSON.parse(json));
  } catch {
    return null;
  }
}

/** The audit viewer (ADMIN): events by member, application or type, newest first, keyset-paged. */
@Injectable()
export class AuditSearch {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(filter: AuditSearchFilter): Promise<AuditEventPage> {
    const memberId = optional(filter.memberId, 'memberId', UUID, 'isUuid');
    const applicationId = optional(filter.applicationId, 'applicationId', UUID, 'isUuid');
    const type = optional(filter.type, 'type', EVENT_TYPE, 'matches');
    if (filter.cursor !== undefined && typeof filter.cursor !== 'string') throw invalid('cursor', 'isCursor');
    const limit = pageLimitOf(filter.limit);

    const query = this.dataSource.manager.createQueryBuilder(AuditEventEntity, 'event');
    if (memberId) query.andWhere('event.member_id = :memberId', { memberId: memberId.toLowerCase() });
    if (type) query.andWhere('event.action = :type', { type });
    if (applicationId) {
      // Application events name the application in their JSON (written by JSON.stringify: no spaces).
      const needle = `%"applicationId":"${applicationId.toLowerCase()}"%`;
      query.andWhere(new Brackets((where) => where.where('event.after_json LIKE :needle', { needle }).orWhere('event.before_json LIKE :needle', { needle })));
    }
    if (filter.cursor) {
      const before = decodePageCursor(filter.cursor);
      query.andWhere(
        new Brackets((where) => {
          where.where('event.occurred_at < :at', { at: before.at }).orWhere('(event.occurred_at = :at AND event.id < :id)', { at: before.at, id: before.id });
        }),
      );
    }
    const rows = await query
      .orderBy('event.occurred_at', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((event) => ({
        id: event.id,
        occurredAt: event.occurredAt.toISOString(),
        type: event.action,
        actorType: event.actorType,
        actorId: event.actorId,
        memberId: event.memberId,
        clientIp: event.clientIp,
        before: parsed(event.beforeJson),
        after: parsed(event.afterJson),
      })),
      nextCursor: rows.length > limit && last ? encodePageCursor({ at: last.occurredAt, id: last.id }) : null,
    };
  }
}
