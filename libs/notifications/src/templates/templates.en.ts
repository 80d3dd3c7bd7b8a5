import type { TemplateCatalog } from './template-definitions.js';
import { formatInstant, plural, revertLink, statusLabel } from './formatting.js';

const FOOTER = 'This is an automated message from the member account service. Please do not reply to this email.';

function email(subject: string, ...paragraphs: string[]) {
  return { subject, text: [...paragraphs, FOOTER].join('\n\n') };
}

export const EN_TEMPLATES: TemplateCatalog = {
  'account-locked': ({ name, lockedUntil }) =>
    email(
      'Password checks on your account are temporarily locked',
      `Hello ${name},`,
      'The password for your account was entered incorrectly too many times in a row. ' +
        `To protect your account, password checks are locked until ${formatInstant(lockedUntil, 'en')}.`,
      'If these attempts were yours, please try again after that time. If they were not, someone may know ' +
        'your login ID: once the lock ends, sign in and change your password.',
    ),

  'password-changed': ({ name, changedAt }) =>
    email(
      'Your password was changed',
      `Hello ${name},`,
      `The password for your account was changed on ${formatInstant(changedAt, 'en')}. ` +
        'For your security, all your other sessions were signed out.',
      'If you did not make this change, please contact us immediately.',
    ),

  'mobile-phone-code': ({ code, minutes }) => ({
    subject: 'Mobile number verification code',
    text: `Your verification code is ${code}. Enter it within ${plural(minutes, 'minute')} to confirm your new mobile number. Never share this code.`,
  }),

  'login-id-identity-code': ({ code, minutes }) => ({
    subject: 'Login ID change verification code',
    text: `Your login ID change code is ${code}. Enter it within ${plural(minutes, 'minute')} to confirm it's you. If you didn't ask for it, ignore this message.`,
  }),

  'login-id-email-code': ({ code, minutes }) =>
    email(
      'Verify your new login ID',
      'To use this email address as your new login ID, enter the following verification code:',
      `    ${code}`,
      `The code is valid for ${plural(minutes, 'minute')}. If you did not request this, you can ignore ` +
        'this email; your account will not change.',
    ),

  'login-id-changed-old': ({ name, newLoginId, revertToken, revertUrl, days }) =>
    email(
      'Your login ID was changed',
      `Hello ${name},`,
      `The login ID of your account was changed to ${newLoginId}. From now on, please sign in with the new ` +
        'address; this address no longer works as your login ID. All other sessions were signed out.',
      `If you did not make this change, open the link below within ${plural(days, 'day')}. It restores your ` +
        'previous login ID and signs out every session:',
      revertLink(revertUrl, revertToken),
      'Then sign in and change your password.',
    ),

  'login-id-changed-new': ({ name, newLoginId }) =>
    email(
      'Your login ID was changed',
      `Hello ${name},`,
      `This address, ${newLoginId}, is now the login ID of your account. Please use it the next time you sign in.`,
    ),

  'login-id-reverted': ({ name, loginId }) =>
    email(
      'Your previous login ID was restored',
      `Hello ${name},`,
      `As you asked, the login ID of your account was restored to ${loginId} and every session was signed out.`,
      'Please sign in again with this address and change your password.',
    ),

  'application-submitted': ({ name, applicationId }) =>
    email(
      `We received your change application (${applicationId})`,
      `Hello ${name},`,
      `We received your application to change your member information (application ${applicationId}). ` +
        'A reviewer will check it together with the documents you sent, and we will email you when a decision is made.',
      'You can follow its status on your account page.',
    ),

  'application-approved': ({ name, applicationId }) =>
    email(
      `Your change application was approved (${applicationId})`,
      `Hello ${name},`,
      `Your application ${applicationId} was approved, and the requested changes are now applied to your account.`,
    ),

  'application-expired': ({ name, applicationId }) =>
    email(
      `Your change application has expired (${applicationId})`,
      `Hello ${name},`,
      `We asked for more information about your application ${applicationId} but did not receive it in time, ` +
        'so the application has expired. Your account was not changed.',
      'You are welcome to submit a new application at any time.',
    ),

  'application-info-requested': ({ name, applicationId, message }) =>
    email(
      `More information is needed for your application (${applicationId})`,
      `Hello ${name},`,
      `To decide on your application ${applicationId}, the reviewer needs more information:`,
      message,
      'Please add the requested documents on your account page. If we do not receive them in time, the application will expire.',
    ),

  'application-rejected': ({ name, applicationId, reason }) =>
    email(
      `Your change application was not approved (${applicationId})`,
      `Hello ${name},`,
      `After review, your application ${applicationId} was not approved, and your account was not changed.`,
      `Reason:\n${reason}`,
      'You can submit a new application with corrected information or documents.',
    ),

  'review-overdue-reminder': ({ applicationId, status, since }) =>
    email(
      `Review overdue: application ${applicationId}`,
      `Application ${applicationId} is past its review deadline.`,
      `Status: ${statusLabel(status, 'en')} (since ${formatInstant(since, 'en')})`,
      'Please claim it or complete the review in the admin app.',
    ),

  'review-claim-reassigned': ({ applicationId, newClaimant }) =>
    email(
      `Your claim was taken over: application ${applicationId}`,
      `An administrator has taken your claim on application ${applicationId}.`,
      newClaimant === '-' ? 'It is back in the queue, unclaimed.' : `It is now with ${newClaimant}.`,
      'You no longer need to act on it.',
    ),
};
