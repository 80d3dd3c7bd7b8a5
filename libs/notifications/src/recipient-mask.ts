import type { Channel } from './templates/template-definitions.js';

/** The deliveries table's `recipient_masked` column width; an address may be 254 characters. */
export const MAX_MASKED_RECIPIENT_LENGTH = 100;

/**
 * A recipient safe for logs and the deliveries table: "j***@example.com", "+********5678".
 * Enough for an operator to tell deliveries apart, not enough to contact anyone. A domain too long
 * for the column keeps its end ("j***@…ple.com").
 */
export function maskRecipient(channel: Channel, to: string): string {
  const value = to.trim();
  if (channel === 'email') {
    const at = value.lastIndexOf('@');
    if (at <= 0) return '***';
    // By code point: neither end may split a surrogate pair (MySQL refuses half of one).
    const first = String.fromCodePoint(value.codePointAt(0)!);
    const domain = Array.from(value.slice(at + 1));
    const room = MAX_MASKED_RECIPIENT_LENGTH - Array.from(`${first}***@`).length;
    return domain.length <= room ? `${first}***@${domain.join('')}` : `${first}***@…${domain.slice(-(room - 1)).join('')}`;
  }
  const digits = value.replace(/\D/g, '');
  if (digits.length <= 4) return '***';
  return `${value.startsWith('+') ? '+' : ''}${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}
