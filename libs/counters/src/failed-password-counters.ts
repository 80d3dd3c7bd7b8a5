import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { COUNTER_STORE, type Counter, type CounterState, type CounterStore } from './counter-store.js';

const DAY_SECONDS = 86_400;

/** Whose password is checked: members and reviewers count apart (their login IDs are separate namespaces). */
export type CredentialRealm = 'member' | 'reviewer';

export interface PasswordAttempt {
  readonly realm: CredentialRealm;
  /** As typed; known or not, it is counted the same. */
  readonly loginId: string;
  /** The client address (clientOf); null counts as one unknown client. */
  readonly client?: string | null;
}

/** What one wrong password led to. */
export interface FailureOutcome {
  /** The refusal to answer instead of INVALID_CREDENTIALS, when this failure reached a limit. */
  readonly refusal: DomainError | null;
  /** Set when this very failure locked the login ID: on this client (`pair`) or everywhere (`account`, the owner is told). */
  readonly newLock: { readonly scope: 'pair' | 'account'; readonly until: Date } | null;
}

/**
 * The one home of the failed-password rule (product.md §1), for members and reviewers alike:
 * - login ID + client: LOCKOUT_THRESHOLD consecutive failures block that pair for LOCKOUT_MINUTES;
 * - login ID across clients: LOCKOUT_ACCOUNT_THRESHOLD failures in 24 h lock it for LOCKOUT_ACCOUNT_MINUTES;
 * - client across login IDs: LOCKOUT_CLIENT_THRESHOLD failures in 24 h block it for LOCKOUT_CLIENT_MINUTES.
 * The login ID is counted whether or not an account has it, so answers never tell which exist. Counters
 * live in the CounterStore (Redis when configured); a store failure refuses the check (503), never lets it through.
 */
@Injectable()
export class FailedPasswordCounters {
  private readonly pair: Counter;
  private readonly account: Counter;
  private readonly client: Counter;

  constructor(
    @Inject(COUNTER_STORE) store: CounterStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { lockout, production } = config;
    this.pair = store.counter({ keyPrefix: 'pw-fail:pair', points: lockout.threshold, durationSeconds: DAY_SECONDS });
    this.account = store.counter({ keyPrefix: 'pw-fail:login', points: production.accountFailures.threshold, durationSeconds: DAY_SECONDS });
    this.client = store.counter({ keyPrefix: 'pw-fail:client', points: production.clientFailures.threshold, durationSeconds: DAY_SECONDS });
  }

  /** Refuses the check before any password is compared while one of the three limits holds. */
  async assertAllowed(attempt: PasswordAttempt): Promise<void> {
    const keys = keysOf(attempt);
    const [pair, account, client] = await Promise.all([this.pair.get(keys.pair), this.account.get(keys.account), this.client.get(keys.client)]);
    const refusal = refusalFor(this.client, client, clientBlocked) ?? refusalFor(this.account, account, locked) ?? refusalFor(this.pair, pair, locked);
    if (refusal) throw refusal;
  }

  /** Counts a wrong password on all three keys and blocks whichever reached its limit. */
  async recordFailure(attempt: PasswordAttempt): Promise<FailureOutcome> {
    const keys = keysOf(attempt);
    const [pair, account, client] = await Promise.all([this.pair.add(keys.pair), this.account.add(keys.account), this.client.add(keys.client)]);
    const { lockout, production } = this.config;
    let refusal: DomainError | null = null;
    let newLock: FailureOutcome['newLock'] = null;
    if (client.consumed >= this.client.points) {
      await this.client.block(keys.client, production.clientFailures.minutes * 60);
      refusal = clientBlocked(production.clientFailures.minutes * 60_000);
    }
    // Each counter is atomic, so exactly one failure reaches a threshold: it alone reports the new lock.
    if (account.consumed >= this.account.points) {
      await this.account.block(keys.account, production.accountFailures.minutes * 60);
      const ms = production.accountFailures.minutes * 60_000;
      if (account.consumed === this.account.points) newLock = { scope: 'account', until: new Date(Date.now() + ms) };
      refusal ??= locked(ms);
    }
    if (pair.consumed >= this.pair.points) {
      await this.pair.block(keys.pair, lockout.minutes * 60);
      const ms = lockout.minutes * 60_000;
      if (pair.consumed === this.pair.points) newLock ??= { scope: 'pair', until: new Date(Date.now() + ms) };
      refusal ??= locked(ms);
    }
    return { refusal, newLock };
  }

  /** A right password ends the run of consecutive failures of that login ID on that client. */
  async recordSuccess(attempt: PasswordAttempt): Promise<void> {
    await this.pair.delete(keysOf(attempt).pair);
  }

  /**
   * Clears a login ID's account-wide count and lock (after a password reset), and its pair with
   * `client` when given. Other clients' pair blocks run out by themselves (LOCKOUT_MINUTES); they
   * never stopped the owner on their own client.
   */
  async clearFailures(realm: CredentialRealm, loginId: string, client: string | null = null): Promise<void> {
    const keys = keysOf({ realm, loginId, client });
    await Promise.all([this.account.delete(keys.account), client === null ? undefined : this.pair.delete(keys.pair)]);
  }
}

function keysOf({ realm, loginId, client }: PasswordAttempt): { pair: string; account: string; client: string } {
  const login = `${realm}:${encodeURIComponent(loginId.trim().toLowerCase())}`;
  const address = encodeURIComponent(client ?? 'unknown');
  return { pair: `${login}|${address}`, account: login, client: `${realm}:${address}` };
}

/** A key is blocked when block() pushed it past its points. */
function refusalFor(counter: Counter, state: CounterState | null, refusal: (ms: number) => DomainError): DomainError | null {
  return state && state.consumed > counter.points ? refusal(state.msBeforeReset) : null;
}

function retryAfter(ms: number): { retryAfterSeconds: number } {
  return { retryAfterSeconds: Math.max(1, Math.ceil(ms / 1_000)) };
}

function locked(ms: number): DomainError {
  return new DomainError(ErrorCode.ACCOUNT_TEMPORARILY_LOCKED, 'Too many wrong passwords: password checks are locked for a while', {
    lockedUntil: new Date(Date.now() + ms).toISOString(),
    ...retryAfter(ms),
  });
}

function clientBlocked(ms: number): DomainError {
  return new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'Too many wrong passwords from this client; try again later', retryAfter(ms));
}
