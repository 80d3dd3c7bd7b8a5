/** The member's current required information, printed into the form when they are signed in. */
export interface MemberInfoChangeFormPrefill {
  readonly memberId: string;
  readonly loginId: string;
  readonly memberType: string;
  readonly name: string;
  readonly businessName: string | null;
  /** As the caller wants it shown (the API prints it masked). */
  readonly businessRegistrationNumber: string | null;
}

/** The AcroForm field names of the form; stable, so that filled forms can be read back. */
export const MEMBER_INFO_CHANGE_FORM_FIELDS = {
  currentMemberId: 'current.memberId',
  currentLoginId: 'current.loginId',
  currentMemberType: 'current.memberType',
  currentName: 'current.name',
  currentBusinessName: 'current.businessName',
  currentBusinessRegistrationNumber: 'current.businessRegistrationNumber',
  requestedMemberType: 'requested.memberType',
  requestedName: 'requested.name',
  requestedBusinessName: 'requested.businessName',
  requestedBusinessRegistrationNumber: 'requested.businessRegistrationNumber',
  reason: 'reason',
  date: 'date',
  signature: 'signature',
} as const;

export const MEMBER_INFO_CHANGE_FORM_TITLE = 'Member Data Change Application';

/**
 * The "member data change application form" as a fillable PDF (A4, AcroForm text fields). With
 * `prefill`, the member's current required information is filled in and read-only. Values in any
 * script are kept exactly as field values; their appearance uses Helvetica for Latin text and an
 * embedded, subset Noto Sans KR/JP for Korean and Japanese (a character neither font has shows
 * as an empty box, never an error).
 */
export async function renderMemberInfoChangeForm(prefill?: MemberInfoChangeFormPrefill, now: Date = new Date()): Promise<Uint8Array> {
  // Imported on first use: pdf-lib, fontkit and the font code stay out of every process that never makes a form (quality.md P6).
  const { renderMemberInfoChangeFormPdf } = await import('./member-info-change-form.pdf.js');
  return renderMemberInfoChangeFormPdf(prefill, now);
}
