/** Login IDs are email addresses compared without case or surrounding space. */
export function normaliseLoginId(loginId: string): string {
  return loginId.trim().toLowerCase();
}
