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
      `The password for your account was changed on ${formatInstant(changedAt, 'en')}. ` + 'For your security, all your other sessions were signed out.',
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
      `The code is valid for ${plural(minutes, 'minute')}. If you did not request this, you can ignore ` + 'this email; your account will not change.',
    ),

  'login-id-changed-old': ({ name, newLoginId, revertToken, revertUrl, days }) =>
    email(
      'Your login ID was changed',
      `Hello ${name},`,
      `The login ID of your account was changed to ${newLoginId}. From now on, please sign in with the new ` +
        'address; this address no longer works as your login ID. All other sessions were signed out.',
      `If you did not make this change, open the link below within ${plural(days, 'day')} and confirm on that page. It restores your ` +
        'previous login ID, signs out every session and sends you a link to set a new password:',
      revertLink(revertUrl, revertToken),
    ),

  'login-id-changed-new': ({ name, newLoginId }) =>
    email(
      'Your login ID was changed',
      `Hello ${name},`,
      `This address, ${newLoginId}, is now the login ID of your account. Please use it the next time you sign in.`,
    ),

  'login-id-reverted': ({ name, loginId, resetUrl, minutes }) =>
    email(
      'Your previous login ID was restored: set a new password',
      `Hello ${name},`,
      `As you asked, the login ID of your account was restored to ${loginId} and every session was signed out.`,
      'Whoever changed it knew your password, so that password no longer works. Set a new one with this link ' +
        `(valid for ${plural(minutes, 'minute')}, once):`,
      resetUrl,
      'If the link has expired, ask for a new one with "Forgot password" on the sign-in page.',
    ),

  'password-reset-link': ({ name, resetUrl, minutes }) =>
    email(
      'Reset your password',
      `Hello ${name},`,
      `Someone asked to reset the password of your account. To set a new password, open this link within ${plural(minutes, 'minute')}; it works once:`,
      resetUrl,
      'If you did not ask for this, you can ignore this email: your password stays as it is.',
    ),

  'password-reset-completed': ({ name, changedAt }) =>
    email(
      'Your password was reset',
      `Hello ${name},`,
      `A new password was set for your account on ${formatInstant(changedAt, 'en')} with a reset link. ` + 'Every session was signed out.',
      'If you did not do this, please contact us immediately.',
    ),

  'mobile-phone-changed': ({ name, changedAt, maskedMobilePhone }) =>
    email(
      'Your mobile phone number was changed',
      `Hello ${name},`,
      `The mobile phone number of your account was changed to ${maskedMobilePhone} on ${formatInstant(changedAt, 'en')}.`,
      'If you did not make this change, please contact us immediately: for your protection, your login ID ' + 'cannot be changed for a while.',
    ),

  'mobile-phone-changed-sms': ({ changedAt, maskedMobilePhone }) => ({
    subject: 'Mobile number changed',
    text: `Your account's mobile number was changed to ${maskedMobilePhone} (${formatInstant(changedAt, 'en')}). Not you? Contact us now.`,
  }),

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

  'inquiry-answered': ({ name, title }) =>
    email(
      `We answered your inquiry: ${title}`,
      `Hello ${name},`,
      `Our support team answered your inquiry "${title}".`,
      'You can read the answer, and reply if you need to, on your account page under your inquiries.',
    ),

  'reviewer-set-password': ({ name, setPasswordUrl, hours }) => ({
    subject: 'Set your password for the reviewer admin app',
    text: [
      `Hello ${name},`,
      `Open the link below within ${plural(hours, 'hour')} to set the password of your reviewer account. The link works once.`,
      setPasswordUrl,
      'If you did not expect this email, ignore it; nobody can sign in with your account until a password is set.',
    ].join('\n\n'),
  }),
  'review-claim-reassigned': ({ applicationId, newClaimant }) =>
    email(
      `Your claim was taken over: application ${applicationId}`,
      `An administrator has taken your claim on application ${applicationId}.`,
      newClaimant === '-' ? 'It is back in the queue, unclaimed.' : `It is now with ${newClaimant}.`,
      'You no longer need to act on it.',
    ),
};
