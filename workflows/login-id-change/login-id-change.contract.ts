// The login-ID change's contract, in one bundle-safe module (imports only @temporalio/workflow
// definitions and plain types): what the workflow, the API's client, the worker's activities and
// scripts agree on — statuses, refusal codes, search attributes, Update/Query names, activity keys
// and the patch that marks this version of the workflow (README "Versioning").
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { FLOW_STATUS, MEMBER_ID } from '../search-attributes.js';
import type { CodeStep, LoginIdChangeStatus, LoginIdChangeView } from './login-id-change.types.js';

export * from './login-id-change.types.js';

export const LOGIN_ID_CHANGE_WORKFLOW_TYPE = 'loginIdChangeWorkflow';

/** One change per member at a time. */
export function loginIdChangeWorkflowId(memberId: string): string {
  return `login-id-change:${memberId}`;
}

export const LOGIN_ID_CHANGE_STATUSES: readonly LoginIdChangeStatus[] = [
  'AWAITING_IDENTITY_CODE',
  'AWAITING_NEW_LOGIN_ID',
  'AWAITING_EMAIL_CODE',
  'AWAITING_CONFIRMATION',
  'COMPLETED',
  'CANCELLED',
  'EXPIRED',
  'FAILED',
];

/** Every refusal type an Update of this workflow can fail with (an ErrorCode of the apps). */
export const LOGIN_ID_CHANGE_REFUSALS = [
  'INVALID_STATE',
  'VERIFICATION_CODE_INVALID',
  'VERIFICATION_CODE_EXPIRED',
  'TOO_MANY_ATTEMPTS',
  'TOO_MANY_REQUESTS',
  'LOGIN_ID_TAKEN',
  'VALIDATION_FAILED',
  'SERVICE_UNAVAILABLE',
] as const;
export type LoginIdChangeRefusal = (typeof LOGIN_ID_CHANGE_REFUSALS)[number];

/** The search attributes the workflow starts with and keeps current (registered on the server). */
export const LOGIN_ID_CHANGE_SEARCH_ATTRIBUTES = { memberId: MEMBER_ID, status: FLOW_STATUS } as const;

export const identityCodeSent = defineUpdate<LoginIdChangeView>('identityCodeSent');
export const submitIdentityCode = defineUpdate<LoginIdChangeView, [code: string]>('submitIdentityCode');
export const submitNewLoginId = defineUpdate<LoginIdChangeView, [newLoginId: string]>('submitNewLoginId');
export const submitEmailCode = defineUpdate<LoginIdChangeView, [code: string]>('submitEmailCode');
export const confirmChange = defineUpdate<LoginIdChangeView>('confirmChange');
export const resendCode = defineUpdate<LoginIdChangeView>('resendCode');
export const cancelChange = defineUpdate<LoginIdChangeView>('cancelChange');
export const changeStatus = defineQuery<LoginIdChangeView>('changeStatus');

/**
 * patched() ID of the exactly-once version: serialised member actions, keyed activities, bounded code
 * sends. Histories started before it replay the old branches (test/workflows/workflow-replay.test.ts).
 */
export const LOGIN_ID_CHANGE_V2_PATCH = 'login-id-change-v2-exactly-once';

/**
 * patched() ID of the version whose steps run their activities as local activities; it includes v2,
 * and a new change records this marker alone. Histories started before it replay with scheduled
 * activities (test/workflows/workflow-replay.test.ts).
 */
export const LOGIN_ID_CHANGE_V3_PATCH = 'login-id-change-v3-local-steps';

/**
 * Activity keys, made deterministically by the workflow: a retried activity reuses its key and
 * returns what its first run did; a new send or check is a new number and so a new key.
 */
export const activityKey = {
  send: (changeId: string, step: CodeStep, sendNo: number) => `${changeId}:${step}:${sendNo}`,
  check: (changeId: string, step: CodeStep, checkNo: number) => `${changeId}:${step}:check:${checkNo}`,
  newLoginId: (changeId: string, attemptNo: number) => `${changeId}:NEW_LOGIN_ID:${attemptNo}`,
  commit: (changeId: string) => `${changeId}:COMMIT`,
  notify: (changeId: string) => `${changeId}:NOTIFY`,
  close: (changeId: string) => `${changeId}:CLOSE`,
  /**
   * v3: the key of an activity run on an Update's input (a code to check, a new address) also names
   * that Update. A local activity acts before its workflow task is recorded: if that task is lost
   * (a worker crash, and the Update with it), the member's next submission gets the same number —
   * but not the same key, so it is checked, or sent, afresh; a retry of the same Update keeps its key.
   */
  ofUpdate: (key: string, updateId: string) => `${key}:${updateId.length <= UPDATE_ID_IN_KEY_MAX ? updateId : `#${fnv1a(updateId)}`}`,
} as const;

/** Update IDs up to this long go into a key as they are (the API's are UUIDs); longer ones as a hash. Keys are at most 200 characters. */
const UPDATE_ID_IN_KEY_MAX = 100;

/** 32-bit FNV-1a of a string, hex: deterministic, for workflow code (no crypto in the sandbox). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** startToCloseTimeout of each activity unless the input says otherwise (tests shorten it). */
export const DEFAULT_ACTIVITY_TIMEOUT_SECONDS = 10;
/** Attempts of a code send: a crashed worker is retried, a provider that keeps failing is a 503 at once. */
export const CODE_SEND_MAX_ATTEMPTS = 3;
