import type { TemplateCatalog } from './template-definitions.js';
import { formatInstant, revertLink, statusLabel } from './formatting.js';

const FOOTER = 'このメールは会員アカウントサービスから自動送信されています。送信専用のため、ご返信いただいてもお答えできません。';

function email(subject: string, ...paragraphs: string[]) {
  return { subject, text: [...paragraphs, FOOTER].join('\n\n') };
}

export const JA_TEMPLATES: TemplateCatalog = {
  'account-locked': ({ name, lockedUntil }) =>
    email(
      'パスワードの確認を一時的に停止しました',
      `${name} 様`,
      'パスワードの入力誤りが続いたため、アカウント保護のため ' + `${formatInstant(lockedUntil, 'ja')} までパスワードの確認を停止しています。`,
      'ご本人による操作の場合は、この時刻以降に再度お試しください。お心当たりがない場合は、' +
        '第三者がログインIDを知っている可能性があります。ロック解除後にログインし、パスワードを変更してください。',
    ),

  'password-changed': ({ name, changedAt }) =>
    email(
      'パスワードが変更されました',
      `${name} 様`,
      `${formatInstant(changedAt, 'ja')} にアカウントのパスワードが変更されました。` + '安全のため、ほかの端末でのログインはすべてログアウトされました。',
      'お心当たりがない場合は、至急お問い合わせください。',
    ),

  'mobile-phone-code': ({ code, minutes }) => ({
    subject: '携帯電話番号の認証コード',
    text: `認証コードは${code}です。新しい携帯電話番号の確認のため、${minutes}分以内に入力してください。このコードは誰にも教えないでください。`,
  }),

  'login-id-identity-code': ({ code, minutes }) => ({
    subject: 'ログインID変更の本人確認コード',
    text: `ログインID変更の本人確認コードは${code}です。${minutes}分以内に入力してください。お心当たりがない場合は、このメッセージを破棄してください。`,
  }),

  'login-id-email-code': ({ code, minutes }) =>
    email(
      '新しいログインIDの確認コード',
      'このメールアドレスを新しいログインIDとして使用するには、以下の確認コードを入力してください。',
      `    ${code}`,
      `コードの有効期限は${minutes}分です。お心当たりがない場合は、このメールを破棄してください。` + 'アカウントは変更されません。',
    ),

  'login-id-changed-old': ({ name, newLoginId, revertToken, revertUrl, days }) =>
    email(
      'ログインIDが変更されました',
      `${name} 様`,
      `アカウントのログインIDが ${newLoginId} に変更されました。今後は新しいアドレスでログインしてください。` +
        'このアドレスではログインできなくなり、ほかの端末でのログインはすべてログアウトされました。',
      `お心当たりがない場合は、${days}日以内に以下のリンクを開いてください。` +
        'リンク先の画面で確定すると、以前のログインIDに戻し、すべての端末からログアウトし、新しいパスワードを設定するリンクをお送りします。',
      revertLink(revertUrl, revertToken),
    ),

  'login-id-changed-new': ({ name, newLoginId }) =>
    email(
      'ログインIDが変更されました',
      `${name} 様`,
      `このアドレス（${newLoginId}）がアカウントの新しいログインIDになりました。次回からこのアドレスでログインしてください。`,
    ),

  'login-id-reverted': ({ name, loginId, resetUrl, minutes }) =>
    email(
      '以前のログインIDに戻しました：新しいパスワードを設定してください',
      `${name} 様`,
      `ご依頼により、アカウントのログインIDを ${loginId} に戻し、すべての端末からログアウトしました。`,
      'ログインIDを変更した人物はパスワードを知っていたため、これまでのパスワードは使えなくなりました。' +
        `次のリンクから新しいパスワードを設定してください（${minutes}分間、1回のみ有効）：`,
      resetUrl,
      'リンクの有効期限が切れた場合は、ログイン画面の「パスワードをお忘れの方」から新しいリンクをご依頼ください。',
    ),

  'password-reset-link': ({ name, resetUrl, minutes }) =>
    email(
      'パスワード再設定のご案内',
      `${name} 様`,
      `アカウントのパスワード再設定が依頼されました。${minutes}分以内に次のリンクを開き、新しいパスワードを設定してください。リンクは1回のみ使えます。`,
      resetUrl,
      'お心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。',
    ),

  'password-reset-completed': ({ name, changedAt }) =>
    email(
      'パスワードを再設定しました',
      `${name} 様`,
      `${formatInstant(changedAt, 'ja')} に再設定リンクからアカウントの新しいパスワードが設定されました。すべての端末からログアウトしました。`,
      'お心当たりがない場合は、至急お問い合わせください。',
    ),

  'mobile-phone-changed': ({ name, changedAt, maskedMobilePhone }) =>
    email(
      '携帯電話番号が変更されました',
      `${name} 様`,
      `${formatInstant(changedAt, 'ja')} にアカウントの携帯電話番号が ${maskedMobilePhone} に変更されました。`,
      'お心当たりがない場合は、至急お問い合わせください。アカウント保護のため、しばらくの間ログインIDは変更できません。',
    ),

  'mobile-phone-changed-sms': ({ changedAt, maskedMobilePhone }) => ({
    subject: '携帯電話番号の変更',
    text: `アカウントの携帯電話番号が${maskedMobilePhone}に変更されました（${formatInstant(changedAt, 'ja')}）。お心当たりがない場合は至急お問い合わせください。`,
  }),

  'application-submitted': ({ name, applicationId }) =>
    email(
      `会員情報変更の申請を受け付けました（${applicationId}）`,
      `${name} 様`,
      `会員情報変更の申請（申請番号 ${applicationId}）を受け付けました。` + '担当者が申請内容と提出書類を審査し、結果をメールでお知らせします。',
      '進捗状況はアカウント管理ページでご確認いただけます。',
    ),

  'application-approved': ({ name, applicationId }) =>
    email(
      `会員情報変更の申請が承認されました（${applicationId}）`,
      `${name} 様`,
      `会員情報変更の申請（申請番号 ${applicationId}）が承認され、アカウントに反映されました。`,
    ),

  'application-expired': ({ name, applicationId }) =>
    email(
      `会員情報変更の申請が期限切れになりました（${applicationId}）`,
      `${name} 様`,
      `会員情報変更の申請（申請番号 ${applicationId}）についてお願いした追加資料が期限までに提出されなかったため、` +
        '申請は期限切れとなりました。アカウント情報は変更されていません。',
      '必要な場合は、改めて申請してください。',
    ),

  'application-info-requested': ({ name, applicationId, message }) =>
    email(
      `申請について追加資料のお願い（${applicationId}）`,
      `${name} 様`,
      `会員情報変更の申請（申請番号 ${applicationId}）の審査のため、次の資料を追加でご提出ください。`,
      message,
      'アカウント管理ページから書類を追加してください。期限までにご提出がない場合、申請は期限切れとなります。',
    ),

  'application-rejected': ({ name, applicationId, reason }) =>
    email(
      `会員情報変更の申請は承認されませんでした（${applicationId}）`,
      `${name} 様`,
      `審査の結果、会員情報変更の申請（申請番号 ${applicationId}）は承認されませんでした。アカウント情報は変更されていません。`,
      `理由：\n${reason}`,
      '内容や書類を修正のうえ、改めて申請いただけます。',
    ),

  'review-overdue-reminder': ({ applicationId, status, since }) =>
    email(
      `審査期限を過ぎた申請があります（${applicationId}）`,
      `申請 ${applicationId} の審査期限が過ぎています。`,
      `状態：${statusLabel(status, 'ja')}（${formatInstant(since, 'ja')} から）`,
      '管理画面でこの申請の担当を引き受けるか、審査を完了してください。',
    ),

  'inquiry-answered': ({ name, title }) =>
    email(
      `お問い合わせに回答しました：${title}`,
      `${name} 様`,
      `お問い合わせ「${title}」にサポートチームが回答しました。`,
      'アカウントページのお問い合わせ履歴で回答をご確認いただけます。必要に応じて返信もできます。',
    ),

  'reviewer-set-password': ({ name, setPasswordUrl, hours }) => ({
    subject: '審査者管理アプリのパスワードを設定してください',
    text: [
      `${name} 様`,
      `下のリンクを${hours}時間以内に開き、審査者アカウントのパスワードを設定してください。リンクは一度だけ使えます。`,
      setPasswordUrl,
      'お心当たりがない場合は、このメールを無視してください。パスワードが設定されるまで、このアカウントでは誰もサインインできません。',
    ].join('\n\n'),
  }),
  'review-claim-reassigned': ({ applicationId, newClaimant }) =>
    email(
      `担当が変更されました：申請 ${applicationId}`,
      `管理者が申請 ${applicationId} のあなたの担当を解除しました。`,
      newClaimant === '-' ? '申請は担当者なしで一覧に戻りました。' : `現在の担当は ${newClaimant} さんです。`,
      '対応の必要はありません。',
    ),
};
