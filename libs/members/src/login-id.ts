import { isEmail } from 'class-validator';

/** The longest email address accepted anywhere (login IDs, billing and reviewer emails; RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

/** Login IDs are email addresses compared without case or surrounding space. */
export function normaliseLoginId(loginId: string): string {
  return loginId.trim().toLowerCase();
}

/**
 * The one email rule of the domain: a (normalised) address class-validator's isEmail accepts — the
 * same check the DTOs' @IsEmail() make at the edge — of at most MAX_EMAIL_LENGTH characters.
 */
export function isValidEmail(email: string): boolean {
  return email.length <= MAX_EMAIL_LENGTH && isEmail(email);
}
