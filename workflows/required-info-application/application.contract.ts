// The review workflow's contract, in one bundle-safe module (no Node, no Nest): statuses, refusal
// codes, the Update and Query definitions, and the shapes the apps, the worker and the workflow
// exchange. Workflows, libs, apps and tests read these names from here only.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ApplicationFlowView, ApplicationStatus } from './application.types.js';

export * from './application.types.js';

export const APPLICATION_WORKFLOW_TYPE = 'requiredInfoApplicationWorkflow';

export function applicationWorkflowId(applicationId: string): string {
  return `required-info-application:${applicationId}`;
}

/** Every status, in the order the queue filter lists them. */
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'SUBMITTED',
  'IN_REVIEW',
  'AWAITING_SECOND_APPROVAL',
  'INFO_REQUESTED',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
  'EXPIRED',
];

/** Refusal codes the workflow's validators use (each also in libs/core ErrorCode). */
export const REVIEW_REFUSAL = {
  INVALID_STATE: 'INVALID_STATE',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  FOUR_EYES_REQUIRED: 'FOUR_EYES_REQUIRED',
  APPLICATION_ALREADY_OPEN: 'APPLICATION_ALREADY_OPEN',
} as const;

/** The fields whose change needs two reviewers' approval unless configured otherwise (REVIEW_FOUR_EYES_FIELDS). */
export const FOUR_EYES_FIELDS = ['memberTypeBusiness', 'name', 'businessName', 'businessRegistrationNumber'] as const;
export type FourEyesField = (typeof FOUR_EYES_FIELDS)[number];
export const DEFAULT_FOUR_EYES_FIELDS: readonly FourEyesField[] = ['memberTypeBusiness', 'businessName', 'businessRegistrationNumber'];

/** Update-with-start's Update: answers once the application's row exists, or refuses with APPLICATION_ALREADY_OPEN. */
export const applicationSubmitted = defineUpdate<ApplicationFlowView, []>('applicationSubmitted');
export const claimApplication = defineUpdate<ApplicationFlowView, [reviewerId: string]>('claimApplication');
export const releaseApplication = defineUpdate<ApplicationFlowView, [reviewerId: string]>('releaseApplication');
export const approveApplication = defineUpdate<ApplicationFlowView, [reviewerId: string]>('approveApplication');
export const rejectApplication = defineUpdate<ApplicationFlowView, [reviewerId: string, reason: string]>('rejectApplication');
export const requestInformation = defineUpdate<ApplicationFlowView, [reviewerId: string, message: string]>('requestInformation');
/** ADMIN: frees (reviewerId null) or hands over a claim held by anyone. */
export const reassignApplication = defineUpdate<ApplicationFlowView, [adminId: string, reviewerId: string | null]>('reassignApplication');
export const documentsAdded = defineUpdate<ApplicationFlowView, [memberId: string]>('documentsAdded');
export const withdrawApplication = defineUpdate<ApplicationFlowView, [memberId: string]>('withdrawApplication');
export const applicationStatus = defineQuery<ApplicationFlowView>('applicationStatus');
