// Types and defaults shared by the workflow, its activities and the API. Bundle-safe: no imports.

export type LoginIdChangeStatus =
  'AWAITING_IDENTITY_CODE' | 'AWAITING_NEW_LOGIN_ID' | 'AWAITING_EMAIL_CODE' | 'AWAITING_CONFIRMATION' | 'COMPLETED' | 'CANCELLED' | 'EXPIRED' | 'FAILED';

export const TERMINAL_STATUSES: readonly LoginIdChangeStatus[] = ['COMPLETED', 'CANCELLED', 'EXPIRED', 'FAILED'];

/** Product limits (product.md §3); inputs of the workflow so tests can shorten them. */
export interface LoginIdChangeLimits {
  readonly smsCodeTtlSeconds: number;
  readonly emailCodeTtlSeconds: number;
  readonly wholeChangeSeconds: number;
  readonly maxWrongCodes: number;
  readonly resendAfterSeconds: number;
  readonly maxResends: number;
  /** startToCloseTimeout of each activity (default 10 s); absent in inputs of older changes. */
  readonly activityTimeoutSeconds?: number;
}

export const DEFAULT_LOGIN_ID_CHANGE_LIMITS: LoginIdChangeLimits = {
  smsCodeTtlSeconds: 180,
  emailCodeTtlSeconds: 1_800,
  wholeChangeSeconds: 3_600,
  maxWrongCodes: 5,
  resendAfterSeconds: 60,
  maxResends: 5,
  activityTimeoutSeconds: 10,
};

export interface LoginIdChangeInput {
  readonly changeId: string;
  readonly memberId: string;
  /** The session that started the change: it survives the commit, every other session is revoked. */
  readonly sessionId: string;
  readonly limits: LoginIdChangeLimits;
}

/** What the member sees of their change (the Query and every Update answer with it). */
export interface LoginIdChangeView {
  readonly changeId: string;
  readonly status: LoginIdChangeStatus;
  readonly newLoginId: string | null;
  /** Why a FAILED change failed: TOO_MANY_ATTEMPTS, LOGIN_ID_TAKEN or SERVICE_UNAVAILABLE (the first code could not be sent). */
  readonly failureCode: string | null;
  readonly startedAt: string;
  readonly expiresAt: string;
}

export type CodeStep = 'IDENTITY' | 'EMAIL';

export type CodeCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'VERIFICATION_CODE_INVALID' | 'VERIFICATION_CODE_EXPIRED' | 'TOO_MANY_ATTEMPTS'; readonly attemptsRemaining?: number };

export type ResendOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'TOO_MANY_REQUESTS'; readonly retryAfterSeconds: number }
  | { readonly ok: false; readonly code: 'TOO_MANY_ATTEMPTS' };

export type NewLoginIdCheck =
  { readonly ok: true; readonly loginId: string } | { readonly ok: false; readonly code: 'LOGIN_ID_TAKEN' | 'VALIDATION_FAILED'; readonly message: string };

export type CommitOutcome = { readonly ok: true; readonly previousLoginId: string } | { readonly ok: false; readonly code: 'LOGIN_ID_TAKEN' };

export type LoginIdChangeClosing = 'CANCELLED' | 'EXPIRED' | 'FAILED';
