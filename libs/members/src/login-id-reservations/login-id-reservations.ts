import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { normaliseLoginId } from '../login-id.js';
import { LoginIdReservationEntity } from './login-id-reservation.entity.js';

/**
 * The previous login ID of a committed change stays reserved for its member while the change can
 * be reverted (product.md §3): nobody can sign up with it or change to it, so "this wasn't me"
 * can always restore it. Sign-up and the new-login-ID check ask here; the commit reserves.
 */
@Injectable()
export class LoginIdReservations {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Reserves `loginId` for `memberId` until `until` (replaces an older reservation of that address). */
  async reserve(manager: EntityManager, loginId: string, memberId: string, until: Date): Promise<void> {
    const normalised = normaliseLoginId(loginId);
    await manager.delete(LoginIdReservationEntity, { loginId: normalised });
    await manager.insert(LoginIdReservationEntity, { loginId: normalised, memberId, reservedUntil: until });
  }

  /**
   * Whether `loginId` is held in reserve for another member than `memberId` (null: a newcomer).
   * Pass the transaction's manager to read what it will commit against.
   */
  async isReservedForSomeoneElse(loginId: string, memberId: string | null, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const reservation = await manager.findOneBy(LoginIdReservationEntity, { loginId: normaliseLoginId(loginId), reservedUntil: MoreThan(new Date()) });
    return reservation !== null && reservation.memberId !== memberId;
  }

  /** The member got the address back (a revert): the reservation has done its work. */
  async release(manager: EntityManager, loginId: string, memberId: string): Promise<void> {
    await manager.delete(LoginIdReservationEntity, { loginId: normaliseLoginId(loginId), memberId });
  }
}
