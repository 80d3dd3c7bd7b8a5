import type { Language } from '#app/core';
import type { TemplateChannel, TemplateName, TemplateParams } from './templates/template-definitions.js';

/**
 * One notification to send. A union over the templates: `channel` and `params` must match
 * `template`, or the call fails type-check.
 */
export type NotificationRequest = {
  readonly [N in TemplateName]: {
    readonly channel: TemplateChannel<N>;
    /** Email address or mobile phone number (E.164), per channel. */
    readonly to: string;
    readonly template: N;
    readonly language: Language;
    readonly params: TemplateParams[N];
    /** Up to 200 characters, e.g. `account-locked:<memberId>:<lockedUntil>`; one delivery per key. */
    readonly idempotencyKey: string;
  };
}[TemplateName];
