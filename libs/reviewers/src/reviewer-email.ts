import { isValidEmail, normaliseLoginId } from '#app/members';

/** Reviewer emails are compared like member login IDs: without case or surrounding space. */
export function normaliseReviewerEmail(email: string): string {
  return normaliseLoginId(email);
}

/** Whether the (normalised) address is acceptable as a reviewer's sign-in email. */
export function isValidReviewerEmail(email: string): boolean {
  return isValidEmail(normaliseReviewerEmail(email));
}
