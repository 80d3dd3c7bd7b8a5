import { ErrorCode } from '#app/core';
import type { GuardProblems } from '#app/web';
import { OtherProcessFieldsGuard } from './account/other-process-fields.guard.js';
import { LocalAuthGuard, MemberAuthGuard, PrivilegedSessionGuard } from './auth/guards.js';
import { OptionalMemberAuthGuard } from './forms/optional-member-auth.guard.js';

/** What each guard of the member API refuses with; the OpenAPI document adds it to every route the guard protects. */
export const API_GUARD_PROBLEMS: ReadonlyMap<Function, GuardProblems> = new Map<Function, GuardProblems>([
  [MemberAuthGuard, { codes: [ErrorCode.UNAUTHENTICATED], authentication: 'required' }],
  [OptionalMemberAuthGuard, { codes: [ErrorCode.UNAUTHENTICATED], authentication: 'optional' }],
  [PrivilegedSessionGuard, { codes: [ErrorCode.REAUTHENTICATION_REQUIRED] }],
  [LocalAuthGuard, { codes: [ErrorCode.VALIDATION_FAILED, ErrorCode.INVALID_CREDENTIALS, ErrorCode.ACCOUNT_TEMPORARILY_LOCKED] }],
  [OtherProcessFieldsGuard, { codes: [ErrorCode.VALIDATION_FAILED] }],
]);

/**
 * Refusals of the domain behind an operation that its description does not name (the document
 * lists both); keyed by operation id (`<Controller>_<method>`). New handlers can use @ApiProblems instead.
 */
export const API_OPERATION_PROBLEMS: Readonly<Record<string, readonly ErrorCode[]>> = {
  AuthController_reauthenticate: [ErrorCode.INVALID_CREDENTIALS, ErrorCode.ACCOUNT_TEMPORARILY_LOCKED],
  PasswordController_change: [ErrorCode.ACCOUNT_TEMPORARILY_LOCKED],
  MobilePhoneChangeController_request: [ErrorCode.VERSION_CONFLICT],
  MobilePhoneChangeController_confirm: [ErrorCode.NOT_FOUND, ErrorCode.VERSION_CONFLICT],
  LoginIdChangeController_start: [ErrorCode.ACCOUNT_TEMPORARILY_LOCKED],
  LoginIdChangeController_status: [ErrorCode.NOT_FOUND],
  LoginIdChangeController_cancel: [ErrorCode.NOT_FOUND, ErrorCode.INVALID_STATE],
  LoginIdChangeController_identityCode: [ErrorCode.NOT_FOUND],
  LoginIdChangeController_newLoginId: [ErrorCode.NOT_FOUND],
  LoginIdChangeController_emailCode: [ErrorCode.NOT_FOUND],
  LoginIdChangeController_confirm: [ErrorCode.NOT_FOUND],
  LoginIdChangeController_resend: [ErrorCode.NOT_FOUND],
  PasswordResetController_confirm: [
    ErrorCode.RESET_TOKEN_INVALID,
    ErrorCode.PASSWORD_POLICY_VIOLATION,
    ErrorCode.PASSWORD_CONFIRMATION_MISMATCH,
    ErrorCode.PASSWORD_RECENTLY_USED,
  ],
};
