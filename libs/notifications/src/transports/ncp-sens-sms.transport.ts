import { Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '#app/core';
import { maskRecipient } from '../recipient-mask.js';
import { ncpSignatureV2 } from './ncp-sens-signature.js';
import type { SendOutcome, SmsMessage, SmsTransport } from './notification-transports.js';

export interface NcpSensConfig {
  /** Base URL, e.g. https://sens.apigw.ntruss.com (a loopback double in tests). */
  readonly url: string;
  readonly serviceId: string;
  readonly accessKey: string;
  readonly secretKey: string;
  /** The registered sender number, digits only. */
  readonly from: string;
  readonly timeoutMs: number;
}

/** The request body SENS v2 documents. */
export interface SensMessageBody {
  readonly type: 'SMS' | 'LMS';
  readonly contentType: 'COMM';
  readonly countryCode: string;
  readonly from: string;
  readonly content: string;
  readonly messages: readonly { readonly to: string }[];
}

// Connect errors: the request certainly never reached SENS, so trying again cannot send twice.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const CONNECT_ATTEMPTS = 3;
// An SMS of more than 80 bytes (Korean counted as 2) must go as LMS.
const SMS_MAX_BYTES = 80;
// After a failure, /health reports SMS down until a send succeeds or this long has passed.
const DOWN_FOR_MS = 60_000;

/** Splits an E.164 number into what SENS wants: the country code and the national number (KR keeps its leading 0). */
export function sensRecipient(e164: string): { countryCode: string; to: string } {
  const digits = e164.replace(/\D/g, '');
  if (e164.startsWith('+82')) return { countryCode: '82', to: `0${digits.slice(2)}` };
  if (!e164.startsWith('+')) return { countryCode: '82', to: digits };
  // Other countries: SENS takes the calling code in countryCode; 1–3 digits, the shortest known prefix wins.
  const code = ['1', '7'].includes(digits[0])
    ? digits[0]
    : /^(2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58])/.test(digits)
      ? digits.slice(0, 2)
      : digits.slice(0, 3);
  return { countryCode: code, to: digits.slice(code.length) };
}

function byteLength(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += char.charCodeAt(0) < 0x80 ? 1 : 2;
  return bytes;
}

/**
 * SMS through NAVER Cloud SENS v2 (SMS_PROVIDER=ncp-sens): one signed POST per message, bounded by
 * NCP_SENS_TIMEOUT_MS. It never sends one message twice: only a connection that was never made is
 * tried again; a timeout or an error answer may have reached SENS, so it is reported, not retried
 * (NotificationService records the idempotency key after a 202, so a later send of the same key is a
 * duplicate). Every failure is SERVICE_UNAVAILABLE for the member; logs carry SENS's status and error
 * code with the masked number, never the message text or the whole number.
 */
export class NcpSensSmsTransport implements SmsTransport {
  private readonly logger = new Logger('NcpSensSmsTransport');
  private readonly uri: string;
  private lastFailureAt = 0;

  constructor(
    private readonly config: NcpSensConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.uri = `/sms/v2/services/${encodeURIComponent(config.serviceId)}/messages`;
  }

  async sendSms({ to, text }: SmsMessage): Promise<SendOutcome> {
    const recipient = sensRecipient(to);
    const body: SensMessageBody = {
      type: byteLength(text) > SMS_MAX_BYTES ? 'LMS' : 'SMS',
      contentType: 'COMM',
      countryCode: recipient.countryCode,
      from: this.config.from,
      content: text,
      messages: [{ to: recipient.to }],
    };
    const masked = maskRecipient('sms', to);
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await this.post(JSON.stringify(body));
      } catch (error) {
        const code = errorCode(error);
        if (code && NOT_SENT.has(code) && attempt < CONNECT_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
          continue;
        }
        this.fail(`SENS request to ${masked} failed: ${code ?? 'error'}`);
      }
      if (response.status === 202) {
        this.lastFailureAt = 0;
        await response.body?.cancel();
        return 'sent';
      }
      const errorCodeOfSens = await sensErrorCode(response);
      this.fail(`SENS refused the message to ${masked}: HTTP ${response.status}${errorCodeOfSens ? ` error ${errorCodeOfSens}` : ''}`);
    }
  }

  async status(): Promise<'up' | 'down'> {
    return this.lastFailureAt && this.now() - this.lastFailureAt < DOWN_FOR_MS ? 'down' : 'up';
  }

  private post(body: string): Promise<Response> {
    const timestamp = String(this.now());
    return fetch(`${this.config.url}${this.uri}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'x-ncp-apigw-timestamp': timestamp,
        'x-ncp-iam-access-key': this.config.accessKey,
        'x-ncp-apigw-signature-v2': ncpSignatureV2('POST', this.uri, timestamp, this.config.accessKey, this.config.secretKey),
      },
      body,
      signal: AbortSignal.timeout(this.config.timeoutMs),
    });
  }

  private fail(logLine: string): never {
    this.lastFailureAt = this.now() || 1;
    this.logger.warn(logLine);
    throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The SMS service is unavailable; try again shortly', { dependency: 'sms' });
  }
}

function errorCode(error: unknown): string | undefined {
  if ((error as Error | null)?.name === 'TimeoutError') return 'TIMEOUT';
  const cause = (error as { cause?: { code?: unknown; name?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : undefined;
}

/** SENS's own error code (`error.errorCode` from the gateway, or `status`), never its message text. */
async function sensErrorCode(response: Response): Promise<string | undefined> {
  try {
    const parsed = (await response.json()) as { error?: { errorCode?: unknown }; status?: unknown };
    const code = parsed.error?.errorCode ?? parsed.status;
    return typeof code === 'string' || typeof code === 'number' ? String(code).slice(0, 16) : undefined;
  } catch {
    return undefined;
  }
}
