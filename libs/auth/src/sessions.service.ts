import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode, hashSecret } from '#app/core';
import { PlainRowReader } from '#app/persistence';
import { SessionEntity } from './session.entity.js';

export interface IssuedSession {
  readonly token: string;
  readonly session: SessionEntity;
}

// Refreshing last_used_at on every request would turn each read into a write; once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;

const SESSION_PROPERTIES = [
  'id',
  'memberId',
  'tokenHash',
  'createdAt',
  'lastUsedAt',
  'idleExpiresAt',
  'absoluteExpiresAt',
  'privilegedUntil',
  'revokedAt',
  'clientIp',
  'userAgent',
] as const satisfies readonly (keyof SessionEntity)[];

/** Server-side, revocable sessions: random bearer tokens stored hashed, idle and absolute expiry. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {
    this.byTokenHash = new PlainRowReader(dataSource, SessionEntity, SESSION_PROPERTIES, 'tokenHash');
  }

  // Every authenticated request runs this lookup (the unique token_hash index): a plain prepared
  // SELECT, not a repository find.
  private readonly byTokenHash: PlainRowReader<SessionEntity, (typeof SESSION_PROPERTIES)[number]>;

  async issue(memberId: string, client: Pick<AuditActor, 'clientIp' | 'userAgent'>, manager: EntityManager = this.dataSource.manager): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = Object.assign(new SessionEntity(), {
      id: randomUUID(),
      memberId,
      tokenHash: hashSecret(token),
      createdAt: now,
      lastUsedAt: now,
      idleExpiresAt: this.idleExpiry(now),
      absoluteExpiresAt: new Date(now.getTime() + this.config.sessionAbsoluteHours * 3_600_000),
      privilegedUntil: null,
      revokedAt: null,
      clientIp: client.clientIp?.slice(0, 45) ?? null,
      userAgent: client.userAgent?.slice(0, 255) ?? null,
    });
    await manager.insert(SessionEntity, session);
    return { token, session };
  }

  /**
   * The live session behind a bearer token, or UNAUTHENTICATED; slides the idle expiry. The slide
   * is written at most once per TOUCH_INTERVAL_MS and not awaited: the request does not wait for
   * a write it does not need, and a failed write only means the next request slides it instead
   * (the idle window is minutes, the interval one).
   */
  authenticate(token: string): Promise<SessionEntity> {
    // Not `async` (one promise per call, see PlainRowReader.findOne).
    return this.byTokenHash.findOne(hashSecret(token)).then((row) => {
      const now = new Date();
      if (!row || !this.isLive(row, now)) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The session is missing, expired or revoked');
      const session = Object.assign(new SessionEntity(), row);
      if (now.getTime() - session.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
        session.lastUsedAt = now;
        session.idleExpiresAt = this.idleExpiry(now);
        this.dataSource.manager
          .update(SessionEntity, { id: session.id, revokedAt: IsNull() }, { lastUsedAt: now, idleExpiresAt: session.idleExpiresAt })
          .catch(() => undefined);
      }
      return session;
    });
  }

  isPrivileged(session: SessionEntity, now = new Date()): boolean {
    return session.privilegedUntil !== null && session.privilegedUntil.getTime() > now.getTime();
  }

  async markPrivileged(session: SessionEntity): Promise<Date> {
    const until = new Date(Date.now() + this.config.reauthWindowSeconds * 1_000);
    await this.dataSource.manager.update(SessionEntity, { id: session.id }, { privilegedUntil: until });
    session.privilegedUntil = until;
    return until;
  }

  /** The member's live sessions, newest first. */
  async listLive(memberId: string): Promise<SessionEntity[]> {
    const sessions = await this.dataSource.manager.find(SessionEntity, {
      where: { memberId, revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    const now = new Date();
    return sessions.filter((session) => this.isLive(session, now));
  }

  /** Revokes one of the member's own sessions; another member's session is NOT_FOUND. */
  async revoke(memberId: string, sessionId: string, actor: AuditActor, action = 'SESSION_REVOKED'): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.update(SessionEntity, { id: sessionId, memberId, revokedAt: IsNull() }, { revokedAt: new Date() });
      if (!result.affected) throw new DomainError(ErrorCode.NOT_FOUND, 'No such session');
      await this.audit.record(manager, actor, { action, memberId, after: { sessionId } });
    });
  }

  /** Revokes every live session of the member except `keepSessionId` (all when undefined). */
  async revokeAllExcept(memberId: string, keepSessionId: string | undefined, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const where = keepSessionId ? { memberId, revokedAt: IsNull(), id: Not(keepSessionId) } : { memberId, revokedAt: IsNull() };
    const result = await manager.update(SessionEntity, where, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  private isLive(session: Pick<SessionEntity, 'revokedAt' | 'idleExpiresAt' | 'absoluteExpiresAt'>, now: Date): boolean {
    return session.revokedAt === null && session.idleExpiresAt > now && session.absoluteExpiresAt > now;
  }

  private idleExpiry(now: Date): Date {
    return new Date(now.getTime() + this.config.sessionIdleMinutes * 60_000);
  }
}
