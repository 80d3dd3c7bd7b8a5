// What an audit row may keep: secrets never, personal data only masked.

const SECRET = /password|hash|token|secret|^(code|verificationCode)$/i;
const EMAIL_KEYS = /(^|[a-z])(loginId|email|billingEmail|newLoginId|previousLoginId)$/i;
const PHONE_KEYS = /phone/i;
const PARTIAL_KEYS = /businessRegistrationNumber|postalCode|line1|line2/i;

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

export function maskPhone(phone: string): string {
  return phone.length <= 6 ? '***' : `${phone.slice(0, 5)}****${phone.slice(-2)}`;
}

function maskPartial(value: string): string {
  return value.length <= 4 ? '***' : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

/** A deep copy of `value` with secrets removed and personal data masked, for before/after columns. */
export function maskForAudit(value: unknown, key = ''): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map((item) => maskForAudit(item, key));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET.test(k))
        .map(([k, v]) => [k, maskForAudit(v, k)]),
    );
  }
  if (typeof value !== 'string') return value;
  if (EMAIL_KEYS.test(key)) return maskEmail(value);
  if (PHONE_KEYS.test(key)) return maskPhone(value);
  if (PARTIAL_KEYS.test(key)) return maskPartial(value);
  return value;
}
