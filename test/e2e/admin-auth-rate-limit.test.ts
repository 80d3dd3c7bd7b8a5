// Its own file: this admin app runs with a low rate limit that the other suites must not share.
import request from 'supertest';
import { startAdmin } from '../support/stack.js';

describe('admin app: rate limits on sign-in', () => {
  it('answers TOO_MANY_REQUESTS past the per-client limit on the JSON login and on the sign-in form, each counted apart', async () => {
    const limited = await startAdmin({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const http = limited.getHttpServer();
      const attempt = () => request(http).post('/admin/api/v1/auth/login').send({ email: 'nobody@example.com', password: 'Wrong!pass9' });
      for (let i = 0; i < 3; i++) await attempt().expect(401);
      const refused = await attempt().expect(429);
      expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

      const page = await request(http).get('/login').expect(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      // Another email: the same one would meet the failed-password block (5 in a row from this client) first.
      const form = () =>
        request(http)
          .post('/login')
          .set('Cookie', `admin_csrf=${csrf}`)
          .type('form')
          .send({ _csrf: csrf, email: 'nobody-else@example.com', password: 'Wrong!pass9' });
      for (let i = 0; i < 3; i++) await form().expect(401);
      const throttled = await form()
        .expect(429)
        .expect('Content-Type', /text\/html/);
      expect(throttled.text).toContain('Too many sign-in attempts from this computer');
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
