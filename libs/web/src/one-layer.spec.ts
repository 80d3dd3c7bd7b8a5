import express, { type NextFunction, type Request, type Response } from 'express';
import request from 'supertest';
import { oneLayer } from './one-layer.js';

function mark(name: string) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.append('X-Ran', name);
    next();
  };
}

function appWith(layer: express.RequestHandler): express.Express {
  const app = express();
  app.use(layer);
  app.get('/', (_req, res) => void res.json({ ok: true }));
  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => void res.status(418).json({ error: error.message }));
  return app;
}

describe('oneLayer', () => {
  it('runs its middlewares in order as one router layer, then the route', async () => {
    const app = appWith(oneLayer(mark('a'), mark('b'), mark('c')));
    const res = await request(app).get('/').expect(200);
    expect(res.headers['x-ran']).toBe('a, b, c');
    expect(res.body).toEqual({ ok: true });
  });

  it('hands an error passed to next, or thrown, to the error handlers and skips the rest', async () => {
    const failing = (_req: Request, _res: Response, next: NextFunction) => next(new Error('passed'));
    const throwing = () => {
      throw new Error('thrown');
    };
    const passed = await request(appWith(oneLayer(mark('a'), failing, mark('never'))))
      .get('/')
      .expect(418);
    expect(passed.body).toEqual({ error: 'passed' });
    expect(passed.headers['x-ran']).toBe('a');
    const thrown = await request(appWith(oneLayer(throwing, mark('never'))))
      .get('/')
      .expect(418);
    expect(thrown.body).toEqual({ error: 'thrown' });
    expect(thrown.headers['x-ran']).toBeUndefined();
  });

  it('stops when a middleware answers without calling next', async () => {
    const answering = (_req: Request, res: Response) => void res.status(204).end();
    const res = await request(appWith(oneLayer(answering, mark('never'))))
      .get('/')
      .expect(204);
    expect(res.headers['x-ran']).toBeUndefined();
  });
});
