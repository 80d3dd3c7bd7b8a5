import type { Channel } from './templates/template-definitions.js';

/**
 * A recipient safe for logs and the deliveries table: "j***@example.com", "+********5678".
 * Enough for an operator to tell deliveries apart, not enough to contact anyone.
 */
export function maskRecipient(channel: Channel, to: string): string {
  const value = to.trim();
  if (channel === 'email') {
    const at = value.lastIndexOf('@');
    return at <= 0 ? '***' : `${value[0]}***${value.slice(at)}`;
  }
  const digits = value.replace(/\D/g, '');
  if (digits.length <= 4) return '***';
  return `${value.startsWith('+') ? '+' : ''}${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}
