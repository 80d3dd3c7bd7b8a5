import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { BadRequestException } from '@nestjs/common';
import { toProblem } from './problem.filter.js';

const logger = pino({ level: 'silent' });
const send = (url: string) => nodemailer.createTransport(url).sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 's', text: 't' });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the send to fail');
    },
    (error: unknown) => error,
  );

// What nodemailer really throws when the mail server cannot take a message now: 503, never 500.
describe('toProblem for an unreachable mail server', () => {
  it('answers 503 for a host that does not resolve (EDNS)', async () => {
    const error = await failure(send('smtp://mail.does-not-exist.invalid:25'));
    expect(toProblem(error, logger)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  });

  it('answers 503 for a server that says "421 service not available"', async () => {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onConnect: (_session, callback) => callback(Object.assign(new Error('Too busy, try later'), { responseCode: 421 })),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const error = await failure(send(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`));
      expect(toProblem(error, logger)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('still answers 500 (with an error id) for an unexpected error', () => {
    expect(toProblem(new Error('boom'), logger)).toMatchObject({ status: 500, code: 'INTERNAL_ERROR', errorId: expect.any(String) });
  });
});

describe('toProblem for refusals of the HTTP layer', () => {
  it("names a bad request by its title (a pipe's refusal is not a JSON body's)", () => {
    expect(toProblem(new BadRequestException('Validation failed (uuid is expected)'), logger)).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'Validation failed',
    });
  });

  it("says when the body parser could not read the JSON (its error's own status)", () => {
    const parserError = Object.assign(new SyntaxError('Unexpected end of JSON input'), { status: 400, type: 'entity.parse.failed' });
    expect(toProblem(parserError, logger)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', detail: 'The request body is not valid JSON' });
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' });
    expect(toProblem(tooLarge, logger)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it("says when Fastify's router could not read the URL (statusCode and an FST_ code)", () => {
    const badUrl = Object.assign(new Error("'/api/v1/%zz' is not a valid url component"), { statusCode: 400, code: 'FST_ERR_BAD_URL' });
    expect(toProblem(badUrl, logger)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', detail: 'The request URL is not valid' });
  });
});
