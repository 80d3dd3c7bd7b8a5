import type { FastifyRequest } from 'fastify';
import { bearerToken } from './bearer-token.js';

const request = (authorization?: string) => ({ headers: authorization === undefined ? {} : { authorization } }) as FastifyRequest;

describe('bearerToken', () => {
  it('reads the token of a Bearer header, the scheme in any case', () => {
    expect(bearerToken(request('Bearer abc_DEF-123'))).toBe('abc_DEF-123');
    expect(bearerToken(request('bearer abc'))).toBe('abc');
  });

  it('finds none without a header, with another scheme or a malformed one', () => {
    expect(bearerToken(request())).toBeUndefined();
    expect(bearerToken(request(''))).toBeUndefined();
    expect(bearerToken(request('Basic dXNlcjpwYXNz'))).toBeUndefined();
    expect(bearerToken(request('Bearer'))).toBeUndefined();
    expect(bearerToken(request('Bearer a b'))).toBeUndefined();
  });
});
