import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { precomputedHelmet } from './precomputed-helmet.js';

function appWith(middleware: express.RequestHandler): express.Express {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => void res.json({ ok: true }));
  return app;
}

function securityHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const { date: _date, etag: _etag, ...rest } = headers;
  return rest;
}

describe('precomputedHelmet', () => {
  it('answers exactly the headers helmet answers, X-Powered-By removed', async () => {
    const viaHelmet = await request(appWith(helmet())).get('/');
    const precomputed = await request(appWith(precomputedHelmet())).get('/');
    expect(securityHeaders(precomputed.headers)).toEqual(securityHeaders(viaHelmet.headers));
    expect(precomputed.headers['content-security-policy']).toContain("default-src 'self'");
    expect(precomputed.headers['x-powered-by']).toBeUndefined();
  });
});
