// Its own file: Passport strategies are process-wide, so this app must not outlive another's.
import request from 'supertest';
import { startApi } from '../support/stack.js';

describe('rate limits on credential endpoints', () => {
  it('answers TOO_MANY_REQUESTS past the per-client limit, with Retry-After', async () => {
    const limited = await startApi({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const attempt = () => request(limited.getHttpServer()).post('/api/v1/auth/login').send({ loginId: 'x@example.com', password: 'y' });
      for (let i = 0; i < 3; i++) await attempt().expect(401);
      const res = await attempt().expect(429);
      expect(res.body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Other endpoints keep their own count.
      await request(limited.getHttpServer()).post('/api/v1/members').send({}).expect(400);
    } finally {
      await limited.close();
    }
  });
});
