// A loopback stand-in for NAVER Cloud SENS v2 that checks every request as SENS documents it
// (path, headers, signature v2, body) and answers as SENS does, or as told: 202, an error, slowly.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const SENS_SERVICE_ID = 'ncp:sms:kr:123456789012:test';
export const SENS_ACCESS_KEY = 'test-access-key-0123';
export const SENS_SECRET_KEY = 'test-secret-key-abcdefghijklmnop';
export const SENS_FROM = '0212345678';

export interface SensRequest {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: { type: string; contentType: string; countryCode: string; from: string; content: string; messages: { to: string }[] };
  /** Recomputed from the request with the secret key; a valid request has it equal to the header. */
  readonly signatureVerifies: boolean;
  /** Why the double refused it (400), if it did. */
  readonly problem: string | null;
}

export type SensMode = { kind: 'accept' } | { kind: 'error'; status: number; body: unknown } | { kind: 'slow'; ms: number };

export interface SensDouble {
  readonly url: string;
  readonly requests: SensRequest[];
  mode: SensMode;
  /** The 6-digit code of the newest message to a national number (e.g. 01012345678). */
  latestCodeTo(to: string): string;
  close(): Promise<void>;
}

function expectedSignature(uri: string, timestamp: string, accessKey: string): string {
  return createHmac('sha256', SENS_SECRET_KEY).update(`POST ${uri}\n${timestamp}\n${accessKey}`).digest('base64');
}

export async function startSensDouble(): Promise<SensDouble> {
  const requests: SensRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const double = {
    mode: { kind: 'accept' } as SensMode,
    requests,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const uri = req.url ?? '';
      const timestamp = String(req.headers['x-ncp-apigw-timestamp'] ?? '');
      const accessKey = String(req.headers['x-ncp-iam-access-key'] ?? '');
      const signatureVerifies = req.headers['x-ncp-apigw-signature-v2'] === expectedSignature(uri, timestamp, accessKey);
      let body: SensRequest['body'];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SensRequest['body'];
      } catch {
        body = {} as SensRequest['body'];
      }
      const problem =
        req.method !== 'POST'
          ? 'method'
          : uri !== `/sms/v2/services/${encodeURIComponent(SENS_SERVICE_ID)}/messages`
            ? 'path'
            : !/^application\/json/.test(String(req.headers['content-type']))
              ? 'content-type'
              : !/^\d{13}$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > 300_000
                ? 'timestamp'
                : accessKey !== SENS_ACCESS_KEY || !signatureVerifies
                  ? 'signature'
                  : !['SMS', 'LMS'].includes(body.type) || body.contentType !== 'COMM' || body.from !== SENS_FROM || typeof body.content !== 'string'
                    ? 'body'
                    : !Array.isArray(body.messages) || body.messages.length !== 1 || !/^\d{8,15}$/.test(body.messages[0]?.to ?? '')
                      ? 'messages'
                      : null;
      requests.push({ path: uri, headers: req.headers, body, signatureVerifies, problem });
      const answer = (status: number, payload: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      if (problem === 'signature') {
        answer(401, { error: { errorCode: '200', message: 'Authentication Failed', details: 'Invalid authentication information.' } });
        return;
      }
      if (problem) {
        answer(400, { status: '400', errorMessage: `invalid ${problem}` });
        return;
      }
      const mode = double.mode;
      if (mode.kind === 'error') answer(mode.status, mode.body);
      else if (mode.kind === 'slow') setTimeout(() => answer(202, accepted()), mode.ms);
      else answer(202, accepted());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(double, {
    url,
    latestCodeTo(to: string): string {
      const message = requests.filter((request) => request.problem === null && request.body.messages?.[0]?.to === to).at(-1);
      const code = message?.body.content.match(/\b(\d{6})\b/)?.[1];
      if (!code) throw new Error(`No SENS message with a code to ${to}`);
      return code;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}

function accepted(): unknown {
  return { requestId: `RSSA-${Date.now()}`, requestTime: new Date().toISOString().slice(0, 19), statusCode: '202', statusName: 'success' };
}

/** The environment that points SMS_PROVIDER=ncp-sens at a double. */
export function sensEnv(url: string): Record<string, string> {
  return {
    SMS_PROVIDER: 'ncp-sens',
    NCP_SENS_URL: url,
    NCP_SENS_SERVICE_ID: SENS_SERVICE_ID,
    NCP_ACCESS_KEY: SENS_ACCESS_KEY,
    NCP_SECRET_KEY: SENS_SECRET_KEY,
    SMS_FROM: SENS_FROM,
    NCP_SENS_TIMEOUT_MS: '1000',
  };
}
