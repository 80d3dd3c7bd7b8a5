import { DomainError } from '#app/core';
import { hasRole, isReviewerRole, requireRole } from './reviewer-role.js';

function refusal(run: () => void): DomainError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('reviewer roles', () => {
  it('knows exactly the two roles', () => {
    expect(isReviewerRole('REVIEWER')).toBe(true);
    expect(isReviewerRole('ADMIN')).toBe(true);
    expect(isReviewerRole('admin')).toBe(false);
    expect(isReviewerRole('MEMBER')).toBe(false);
    expect(isReviewerRole(undefined)).toBe(false);
  });

  it('lets an ADMIN do what a REVIEWER may, not the other way round', () => {
    expect(hasRole('ADMIN', 'REVIEWER')).toBe(true);
    expect(hasRole('ADMIN', 'ADMIN')).toBe(true);
    expect(hasRole('REVIEWER', 'REVIEWER')).toBe(true);
    expect(hasRole('REVIEWER', 'ADMIN')).toBe(false);
  });

  it('refuses a stored role it does not know', () => {
    expect(hasRole('ROOT' as never, 'REVIEWER')).toBe(false);
  });

  it('requireRole passes a sufficient role and refuses with FORBIDDEN naming the needed role', () => {
    expect(refusal(() => requireRole({ role: 'ADMIN' }, 'ADMIN'))).toBeUndefined();
    expect(refusal(() => requireRole({ role: 'ADMIN' }, 'REVIEWER'))).toBeUndefined();
    expect(refusal(() => requireRole({ role: 'REVIEWER' }))).toBeUndefined();
    const refused = refusal(() => requireRole({ role: 'REVIEWER' }, 'ADMIN'));
    expect(refused?.code).toBe('FORBIDDEN');
    expect(refused?.details).toEqual({ requiredRoles: ['ADMIN'] });
  });

  it('requireRole with several roles passes when any one is held', () => {
    expect(refusal(() => requireRole({ role: 'REVIEWER' }, 'ADMIN', 'REVIEWER'))).toBeUndefined();
  });
});
