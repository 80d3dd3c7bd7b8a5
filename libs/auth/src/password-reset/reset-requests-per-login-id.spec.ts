import { DomainError, ErrorCode } from '#app/core';
import type { AppConfig } from '#app/config';
import { ResetRequestsPerLoginId } from './reset-requests-per-login-id.js';

const config = { passwordReset: { tokenTtlSeconds: 1_800, requestsPerLoginIdPerHour: 2 } } as AppConfig;

function refusal(action: () => void): DomainError | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
}

describe('ResetRequestsPerLoginId', () => {
  it('allows the configured number of requests per login ID, then refuses with retryAfterSeconds', () => {
    const limit = new ResetRequestsPerLoginId(config);
    limit.take('someone@example.com');
    limit.take(' SOMEONE@example.com ');
    const refused = refusal(() => limit.take('someone@example.com'));
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused!.code).toBe(ErrorCode.TOO_MANY_REQUESTS);
    expect(refused!.details.retryAfterSeconds).toBeGreaterThan(3_590);
    expect(refused!.details.retryAfterSeconds).toBeLessThanOrEqual(3_600);
  });

  it('counts each login ID apart', () => {
    const limit = new ResetRequestsPerLoginId(config);
    limit.take('a@example.com');
    limit.take('a@example.com');
    expect(refusal(() => limit.take('b@example.com'))).toBeUndefined();
    expect(refusal(() => limit.take('a@example.com'))?.code).toBe(ErrorCode.TOO_MANY_REQUESTS);
  });
});
