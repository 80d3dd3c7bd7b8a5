import type { Request } from 'express';
import { presentedCredential } from './reviewer-auth.guard.js';
import type { ReviewerRequest } from './reviewer-request.js';

function request(headers: Record<string, string>): ReviewerRequest {
  const lower = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
  return { headers: lower, header: (name: string) => lower[name.toLowerCase()] } as unknown as Request;
}

describe('presentedCredential', () => {
  it('takes a bearer token from the Authorization header, whatever the scheme case', () => {
    expect(presentedCredential(request({ Authorization: 'Bearer abc_DEF-123' }))).toEqual({ token: 'abc_DEF-123', source: 'bearer' });
    expect(presentedCredential(request({ Authorization: 'bearer abc' }))).toEqual({ token: 'abc', source: 'bearer' });
  });

  it('prefers the header over the session cookie', () => {
    expect(presentedCredential(request({ Authorization: 'Bearer header', Cookie: 'admin_session=cookie' }))?.source).toBe('bearer');
  });

  it('falls back to the admin_session cookie', () => {
    expect(presentedCredential(request({ Cookie: 'a=1; admin_session=tok' }))).toEqual({ token: 'tok', source: 'cookie' });
  });

  it('does not try the cookie when a malformed Authorization header was sent', () => {
    expect(presentedCredential(request({ Authorization: 'Basic dXNlcjpwYXNz', Cookie: 'admin_session=tok' }))).toEqual({ token: '', source: 'bearer' });
  });

  it('finds nothing without header or cookie', () => {
    expect(presentedCredential(request({ Cookie: 'member_session=x' }))).toBeUndefined();
  });
});
