export const MEMBER_TYPES = ['PERSONAL', 'PERSONAL_BUSINESS', 'CORPORATE_BUSINESS'] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

/** Business member types carry a business name and a business registration number. */
export function isBusinessType(type: MemberType): boolean {
  return type !== 'PERSONAL';
}
