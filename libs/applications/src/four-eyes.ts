import { isBusinessType, type MemberEntity } from '#app/members';
import type { FourEyesField } from '#workflows/required-info-application/application.contract';
import type { RequestedValues } from './submit-application.service.js';

/**
 * Whether approving this request needs two different reviewers (product rule "four eyes"), for the
 * fields configured in REVIEW_FOUR_EYES_FIELDS. `memberTypeBusiness`: the member type changes to or
 * from a business type; the others: that value changes.
 */
export function needsFourEyes(
  member: Pick<MemberEntity, 'memberType' | 'name' | 'businessName' | 'businessRegistrationNumber'>,
  requested: RequestedValues,
  fields: readonly FourEyesField[],
): boolean {
  const changes: Record<FourEyesField, boolean> = {
    memberTypeBusiness:
      requested.memberType !== undefined &&
      requested.memberType !== member.memberType &&
      (isBusinessType(requested.memberType) || isBusinessType(member.memberType)),
    name: requested.name !== undefined && requested.name !== member.name,
    businessName: requested.businessName !== undefined && requested.businessName !== member.businessName,
    businessRegistrationNumber:
      requested.businessRegistrationNumber !== undefined && requested.businessRegistrationNumber !== member.businessRegistrationNumber,
  };
  return fields.some((field) => changes[field]);
}
