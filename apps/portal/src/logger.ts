import { pino, type DestinationStream, type Logger } from 'pino';

// Keys whose values never reach a log line, wherever they appear in a logged object.
const SECRET_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'newPasswordConfirmation',
  'token',
  'accessToken',
  'code',
  'authorization',
  'cookie',
  'x-portal-secret',
];

/** One JSON line per event, secrets redacted (the same shape as the other apps' logs). */
export function createPortalLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'portal', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]), censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
