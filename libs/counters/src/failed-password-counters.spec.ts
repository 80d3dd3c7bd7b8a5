import { loadConfig } from '#app/config';
import { DomainError } from '#app/core';
import { CounterStore } from './counter-store.js';
import { FailedPasswordCounters } from './failed-password-counters.js';

describe('FailedPasswordCounters (in-process store)', () => {
  const config = loadConfig({ LOCKOUT_THRESHOLD: '3', LOCKOUT_ACCOUNT_THRESHOLD: '5', LOCKOUT_CLIENT_THRESHOLD: '6' });
  let counters: FailedPasswordCounters;
  beforeEach(() => {
    counters = new FailedPasswordCounters(new CounterStore(undefined), config);
  });
  const attempt = (loginId: string, client: string) => ({ realm: 'member' as const, loginId, client });
  const refusalCode = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: DomainError) => error.code,
    );

  it('blocks a login ID on one client after the consecutive threshold, and only there', async () => {
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await counters.recordFailure(attempt('a@example.com', '10.0.0.1')));
    expect(outcomes.map((outcome) => outcome.refusal?.code ?? null)).toEqual([null, null, 'ACCOUNT_TEMPORARILY_LOCKED']);
    expect(outcomes[2].newLock?.scope).toBe('pair');
    expect(outcomes[2].refusal?.details.retryAfterSeconds).toBe(15 * 60);
    expect(await refusalCode(counters.assertAllowed(attempt('A@example.com ', '10.0.0.1')))).toBe('ACCOUNT_TEMPORARILY_LOCKED');
    expect(await refusalCode(counters.assertAllowed(attempt('a@example.com', '10.0.0.2')))).toBeNull();
  });

  it('a right password ends the run of consecutive failures', async () => {
    for (let i = 0; i < 2; i++) await counters.recordFailure(attempt('b@example.com', '10.0.0.1'));
    await counters.recordSuccess(attempt('b@example.com', '10.0.0.1'));
    for (let i = 0; i < 2; i++) expect((await counters.recordFailure(attempt('b@example.com', '10.0.0.1'))).refusal).toBeNull();
  });

  it('locks the login ID everywhere at the account threshold, reporting the new lock once', async () => {
    const outcomes = [];
    for (const client of ['10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.4', '10.0.1.5'])
      outcomes.push(await counters.recordFailure(attempt('c@example.com', client)));
    expect(outcomes.filter((outcome) => outcome.newLock?.scope === 'account')).toHaveLength(1);
    expect(outcomes[4].refusal?.code).toBe('ACCOUNT_TEMPORARILY_LOCKED');
    expect(await refusalCode(counters.assertAllowed(attempt('c@example.com', '10.0.9.9')))).toBe('ACCOUNT_TEMPORARILY_LOCKED');
    await counters.clearFailures('member', 'c@example.com');
    expect(await refusalCode(counters.assertAllowed(attempt('c@example.com', '10.0.9.9')))).toBeNull();
  });

  it('blocks a client that fails on many login IDs', async () => {
    for (let i = 0; i < 5; i++) expect((await counters.recordFailure(attempt(`user${i}@example.com`, '10.0.2.1'))).refusal).toBeNull();
    expect((await counters.recordFailure(attempt('user9@example.com', '10.0.2.1'))).refusal?.code).toBe('TOO_MANY_REQUESTS');
    expect(await refusalCode(counters.assertAllowed(attempt('someone@example.com', '10.0.2.1')))).toBe('TOO_MANY_REQUESTS');
    expect(await refusalCode(counters.assertAllowed(attempt('someone@example.com', '10.0.2.2')))).toBeNull();
  });

  it('counts members and reviewers apart', async () => {
    for (let i = 0; i < 3; i++) await counters.recordFailure(attempt('d@example.com', '10.0.3.1'));
    expect(await refusalCode(counters.assertAllowed({ realm: 'reviewer', loginId: 'd@example.com', client: '10.0.3.1' }))).toBeNull();
  });

  it('fails closed when Redis cannot be reached', async () => {
    const store = new CounterStore('redis://127.0.0.1:1');
    try {
      const unreachable = new FailedPasswordCounters(store, config);
      expect(await refusalCode(unreachable.assertAllowed(attempt('e@example.com', '10.0.4.1')))).toBe('SERVICE_UNAVAILABLE');
      await expect(store.status(500)).resolves.toBe('down');
    } finally {
      await store.close();
    }
  });
});
