import type { TemplateCatalog } from './template-definitions.js';
import { formatInstant, revertLink, statusLabel } from './formatting.js';

const FOOTER = '본 메일은 회원 계정 서비스에서 자동으로 발송되는 발신 전용 메일입니다. 회신하셔도 답변을 드릴 수 없습니다.';

function email(subject: string, ...paragraphs: string[]) {
  return { subject, text: [...paragraphs, FOOTER].join('\n\n') };
}

export const KO_TEMPLATES: TemplateCatalog = {
  'account-locked': ({ name, lockedUntil }) =>
    email(
      '비밀번호 확인이 일시적으로 잠겼습니다',
      `${name}님, 안녕하세요.`,
      '비밀번호가 연속으로 여러 번 잘못 입력되어, 계정 보호를 위해 ' + `${formatInstant(lockedUntil, 'ko')}까지 비밀번호 확인이 잠겼습니다.`,
      '본인이 시도하신 경우 해당 시각 이후에 다시 시도해 주세요. 본인이 시도하지 않으셨다면 ' +
        '누군가 로그인 ID를 알고 있을 수 있으니, 잠금이 풀린 뒤 로그인하여 비밀번호를 변경해 주세요.',
    ),

  'password-changed': ({ name, changedAt }) =>
    email(
      '비밀번호가 변경되었습니다',
      `${name}님, 안녕하세요.`,
      `${formatInstant(changedAt, 'ko')}에 계정 비밀번호가 변경되었습니다. ` + '보안을 위해 다른 기기의 로그인은 모두 로그아웃되었습니다.',
      '본인이 변경하지 않으셨다면 즉시 고객센터로 문의해 주세요.',
    ),

  'mobile-phone-code': ({ code, minutes }) => ({
    subject: '휴대폰 번호 변경 인증번호',
    text: `[인증번호 ${code}] 휴대폰 번호 변경 인증번호입니다. ${minutes}분 안에 입력해 주세요. 타인에게 절대 알려 주지 마세요.`,
  }),

  'login-id-identity-code': ({ code, minutes }) => ({
    subject: '로그인 ID 변경 본인 확인 인증번호',
    text: `[인증번호 ${code}] 로그인 ID 변경을 위한 본인 확인 인증번호입니다. ${minutes}분 안에 입력해 주세요. 요청하지 않으셨다면 무시하세요.`,
  }),

  'login-id-email-code': ({ code, minutes }) =>
    email(
      '새 로그인 ID 이메일 인증번호',
      '이 이메일 주소를 새 로그인 ID로 사용하려면 아래 인증번호를 입력해 주세요.',
      `    ${code}`,
      `인증번호는 ${minutes}분 동안 유효합니다. 요청하지 않으셨다면 이 메일을 무시하셔도 됩니다. ` + '계정에는 아무런 변경도 일어나지 않습니다.',
    ),

  'login-id-changed-old': ({ name, newLoginId, revertToken, revertUrl, days }) =>
    email(
      '로그인 ID가 변경되었습니다',
      `${name}님, 안녕하세요.`,
      `계정의 로그인 ID가 ${newLoginId}(으)로 변경되었습니다. 앞으로는 새 주소로 로그인해 주세요. ` +
        '이 주소로는 더 이상 로그인할 수 없으며, 다른 기기의 로그인은 모두 로그아웃되었습니다.',
      `본인이 변경하지 않으셨다면 ${days}일 이내에 아래 링크를 열어 주세요. ` +
        '링크의 화면에서 확인하시면 이전 로그인 ID가 복원되고 모든 기기에서 로그아웃되며, 새 비밀번호를 설정할 링크가 발송됩니다.',
      revertLink(revertUrl, revertToken),
    ),

  'login-id-changed-new': ({ name, newLoginId }) =>
    email(
      '로그인 ID가 변경되었습니다',
      `${name}님, 안녕하세요.`,
      `이 주소(${newLoginId})가 계정의 새 로그인 ID로 등록되었습니다. 다음 로그인부터 이 주소를 사용해 주세요.`,
    ),

  'login-id-reverted': ({ name, loginId, resetUrl, minutes }) =>
    email(
      '이전 로그인 ID가 복원되었습니다: 새 비밀번호를 설정해 주세요',
      `${name}님, 안녕하세요.`,
      `요청하신 대로 계정의 로그인 ID를 ${loginId}(으)로 복원하고 모든 기기에서 로그아웃했습니다.`,
      '로그인 ID를 변경한 사람이 비밀번호를 알고 있었으므로 기존 비밀번호는 더 이상 사용할 수 없습니다. ' +
        `아래 링크에서 새 비밀번호를 설정해 주세요(${minutes}분 동안 한 번만 사용 가능):`,
      resetUrl,
      '링크가 만료되었다면 로그인 화면의 "비밀번호 찾기"에서 새 링크를 요청해 주세요.',
    ),

  'password-reset-link': ({ name, resetUrl, minutes }) =>
    email(
      '비밀번호 재설정 안내',
      `${name}님, 안녕하세요.`,
      `계정 비밀번호 재설정이 요청되었습니다. ${minutes}분 안에 아래 링크를 열어 새 비밀번호를 설정해 주세요. 링크는 한 번만 사용할 수 있습니다.`,
      resetUrl,
      '본인이 요청하지 않으셨다면 이 메일을 무시하셔도 됩니다. 비밀번호는 바뀌지 않습니다.',
    ),

  'password-reset-completed': ({ name, changedAt }) =>
    email(
      '비밀번호가 재설정되었습니다',
      `${name}님, 안녕하세요.`,
      `${formatInstant(changedAt, 'ko')}에 재설정 링크로 계정의 새 비밀번호가 설정되었습니다. 모든 기기에서 로그아웃되었습니다.`,
      '본인이 하지 않으셨다면 즉시 고객센터로 문의해 주세요.',
    ),

  'mobile-phone-changed': ({ name, changedAt, maskedMobilePhone }) =>
    email(
      '휴대폰 번호가 변경되었습니다',
      `${name}님, 안녕하세요.`,
      `${formatInstant(changedAt, 'ko')}에 계정의 휴대폰 번호가 ${maskedMobilePhone}(으)로 변경되었습니다.`,
      '본인이 변경하지 않으셨다면 즉시 고객센터로 문의해 주세요. 계정 보호를 위해 당분간 로그인 ID를 변경할 수 없습니다.',
    ),

  'mobile-phone-changed-sms': ({ changedAt, maskedMobilePhone }) => ({
    subject: '휴대폰 번호 변경 알림',
    text: `[알림] 계정 휴대폰 번호가 ${maskedMobilePhone}(으)로 변경되었습니다(${formatInstant(changedAt, 'ko')}). 본인이 아니면 즉시 문의해 주세요.`,
  }),

  'application-submitted': ({ name, applicationId }) =>
    email(
      `회원 정보 변경 신청이 접수되었습니다 (${applicationId})`,
      `${name}님, 안녕하세요.`,
      `회원 정보 변경 신청(신청 번호 ${applicationId})이 접수되었습니다. ` + '담당자가 신청 내용과 제출 서류를 검토한 뒤 결과를 메일로 알려 드리겠습니다.',
      '진행 상황은 계정 관리 페이지에서 확인하실 수 있습니다.',
    ),

  'application-approved': ({ name, applicationId }) =>
    email(
      `회원 정보 변경 신청이 승인되었습니다 (${applicationId})`,
      `${name}님, 안녕하세요.`,
      `회원 정보 변경 신청(신청 번호 ${applicationId})이 승인되어 계정에 반영되었습니다.`,
    ),

  'application-expired': ({ name, applicationId }) =>
    email(
      `회원 정보 변경 신청이 만료되었습니다 (${applicationId})`,
      `${name}님, 안녕하세요.`,
      `회원 정보 변경 신청(신청 번호 ${applicationId})에 요청드린 추가 자료가 기한 내에 제출되지 않아 ` +
        '신청이 만료되었습니다. 계정 정보는 변경되지 않았습니다.',
      '필요하시면 언제든지 다시 신청해 주세요.',
    ),

  'application-info-requested': ({ name, applicationId, message }) =>
    email(
      `신청 건에 추가 자료가 필요합니다 (${applicationId})`,
      `${name}님, 안녕하세요.`,
      `회원 정보 변경 신청(신청 번호 ${applicationId})의 심사를 위해 다음 자료가 추가로 필요합니다.`,
      message,
      '계정 관리 페이지에서 요청된 서류를 추가해 주세요. 기한 내에 제출하지 않으시면 신청이 만료됩니다.',
    ),

  'application-rejected': ({ name, applicationId, reason }) =>
    email(
      `회원 정보 변경 신청이 반려되었습니다 (${applicationId})`,
      `${name}님, 안녕하세요.`,
      `심사 결과, 회원 정보 변경 신청(신청 번호 ${applicationId})이 반려되어 계정 정보는 변경되지 않았습니다.`,
      `반려 사유:\n${reason}`,
      '내용이나 서류를 보완하여 다시 신청하실 수 있습니다.',
    ),

  'review-overdue-reminder': ({ applicationId, status, since }) =>
    email(
      `심사 기한 초과: 신청 ${applicationId}`,
      `신청 ${applicationId}의 심사 기한이 지났습니다.`,
      `상태: ${statusLabel(status, 'ko')} (${formatInstant(since, 'ko')}부터)`,
      '관리자 앱에서 이 신청을 맡거나 심사를 마무리해 주세요.',
    ),

  'inquiry-answered': ({ name, title }) =>
    email(
      `문의에 답변드렸습니다: ${title}`,
      `${name}님, 안녕하세요.`,
      `고객님의 문의 "${title}"에 고객지원팀이 답변을 드렸습니다.`,
      '계정 페이지의 문의 내역에서 답변을 확인하고, 필요하면 추가로 답글을 남기실 수 있습니다.',
    ),

  'reviewer-set-password': ({ name, setPasswordUrl, hours }) => ({
    subject: '심사자 관리 앱 비밀번호를 설정해 주세요',
    text: [
      `${name}님, 안녕하세요.`,
      `아래 링크를 ${hours}시간 안에 열어 심사자 계정의 비밀번호를 설정해 주세요. 링크는 한 번만 사용할 수 있습니다.`,
      setPasswordUrl,
      '요청하신 적이 없다면 이 메일을 무시하셔도 됩니다. 비밀번호를 설정하기 전에는 누구도 이 계정으로 로그인할 수 없습니다.',
    ].join('\n\n'),
  }),
  'review-claim-reassigned': ({ applicationId, newClaimant }) =>
    email(
      `담당이 변경되었습니다: 신청 ${applicationId}`,
      `관리자가 신청 ${applicationId}에 대한 담당을 해제했습니다.`,
      newClaimant === '-' ? '신청은 담당자 없이 대기열로 돌아갔습니다.' : `이제 ${newClaimant}님이 담당합니다.`,
      '더 이상 처리하지 않으셔도 됩니다.',
    ),
};
