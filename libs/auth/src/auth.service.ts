import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { DomainError, ErrorCode } from '#app/core';
import { MembersRepository, type MemberEntity } from '#app/members';
import { PasswordCheckService } from './password-check.service.js';
import type { SessionEntity } from './session.entity.js';
import { SessionsService } from './sessions.service.js';

export interface LoginResult {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresAt: string;
  readonly sessionId: string;
}

/** Sign-in, re-authentication and logout of members. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly members: MembersRepository,
    private readonly passwords: PasswordCheckService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditTrail,
  ) {}

  /** The member behind a login ID and password (Passport's local strategy calls this). */
  async verifyCredentials(loginId: string, password: string, actor: AuditActor): Promise<MemberEntity> {
    const member = await this.passwords.check(await this.members.findByLoginId(loginId), password, actor, loginId);
    // Only after the right password: a voided one (a reverted login-ID change) waits for a reset.
    assertPasswordNotVoided(member);
    return member;
  }

  async startSession(member: MemberEntity, actor: AuditActor): Promise<LoginResult> {
    const { token, session } = await this.dataSource.transaction(async (manager) => {
      const issued = await this.sessions.issue(member.id, actor, manager);
      await this.audit.record(
        manager,
        { ...actor, type: 'MEMBER', id: member.id },
        {
          action: 'MEMBER_SIGNED_IN',
          memberId: member.id,
          after: { sessionId: issued.session.id },
        },
      );
      return issued;
    });
    return { accessToken: token, tokenType: 'Bearer', expiresAt: session.absoluteExpiresAt.toISOString(), sessionId: session.id };
  }

  /** "Enter the current password one more time": makes the session privileged for a short window. */
  async reauthenticate(session: SessionEntity, password: string, actor: AuditActor): Promise<{ privilegedUntil: string }> {
    const member = await this.members.findById(session.memberId);
    if (!member) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The session has no member');
    await this.passwords.check(member, password, actor);
    assertPasswordNotVoided(member);
    const until = await this.sessions.markPrivileged(session);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, { action: 'MEMBER_REAUTHENTICATED', memberId: member.id, after: { sessionId: session.id } }),
    );
    return { privilegedUntil: until.toISOString() };
  }

  async logout(session: SessionEntity, actor: AuditActor): Promise<void> {
    await this.sessions.revoke(session.memberId, session.id, actor, 'MEMBER_LOGGED_OUT');
  }
}

function assertPasswordNotVoided(member: MemberEntity): void {
  if (member.passwordResetRequired) {
    throw new DomainError(
      ErrorCode.PASSWORD_RESET_REQUIRED,
      'This password no longer works: set a new one with the link sent to your login ID, or ask for a new link',
    );
  }
}
