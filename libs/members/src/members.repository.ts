import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '#app/core';
import { isUniqueViolation } from '#app/persistence';
import { normaliseLoginId } from './login-id.js';
import { MemberEntity } from './member.entity.js';

@Injectable()
export class MembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<MemberEntity | null> {
    return manager.findOneBy(MemberEntity, { id });
  }

  findByLoginId(loginId: string): Promise<MemberEntity | null> {
    return this.dataSource.manager.findOneBy(MemberEntity, { loginId: normaliseLoginId(loginId) });
  }

  /** Inserts a new member; the unique index on login_id decides a race (LOGIN_ID_TAKEN). */
  async insert(member: MemberEntity, manager: EntityManager): Promise<void> {
    try {
      await manager.insert(MemberEntity, member);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.LOGIN_ID_TAKEN, 'This login ID is already in use');
      throw error;
    }
  }
}
