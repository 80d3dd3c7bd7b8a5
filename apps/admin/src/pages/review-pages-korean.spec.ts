// The queue and review pages in Korean (the reviewer's remembered choice): every label, button,
// status and notice comes from the catalogues; nothing of the English UI is left.
import type { QueueItem, ReviewerApplicationDetail } from '#app/applications';
import { DomainError, ErrorCode } from '#app/core';
import { renderErrorPage } from './error.page.js';
import { renderQueuePage } from './queue.page.js';
import { doneNotice, reviewRefusal } from './review-refusals.js';
import { renderReviewPage, type ReviewPageView } from './review.page.js';
import { signInRefusalMessage } from './sign-in-page.filter.js';
import { renderSignInPage } from './sign-in.page.js';

const ME = 'reviewer-me';
const OTHER = 'reviewer-other';
const REVIEWER = { displayName: 'Lee Jiwoo', role: 'ADMIN' };
const ID = '3f1c2a9e-5b7d-4c1e-9a2b-8d6f0e4c3b21';

function anItem(overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id: ID,
    status: 'IN_REVIEW',
    submittedAt: '2025-03-01T09:30:00.000Z',
    statusSince: '2025-03-01T09:30:00.000Z',
    requested: { memberType: 'PERSONAL_BUSINESS', name: 'Lee Minji', businessName: 'Minji Shop', businessRegistrationNumber: '1234567890' },
    memberId: '9d8c7b6a-0000-4000-8000-000000000001',
    memberLoginId: 'minji@example.com',
    overdue: true,
    claimedBy: ME,
    firstApprovedBy: null,
    ...overrides,
  };
}

function anApplication(overrides: Partial<ReviewerApplicationDetail> = {}): ReviewerApplicationDetail {
  return {
    ...anItem(),
    reason: 'Name changed',
    infoRequestMessage: 'Send the certificate',
    rejectionReason: 'Not legible',
    decidedAt: null,
    documents: [
      {
        id: 'd0c00000-0000-4000-8000-000000000001',
        kind: 'PROOF',
        name: 'proof.png',
        mediaType: 'image/png',
        size: 2048,
        uploadedAt: '2025-03-01T09:30:00.000Z',
      },
    ],
    history: [
      { at: '2025-03-01T09:30:00.000Z', actor: 'MEMBER', from: null, to: 'SUBMITTED', note: null },
      { at: '2025-03-01T10:00:00.000Z', actor: 'REVIEWER', from: 'SUBMITTED', to: 'IN_REVIEW', note: null },
    ],
    member: { loginId: 'minji@example.com', language: 'ko' },
    current: { memberType: 'PERSONAL', name: 'Kim Minji', businessName: null, businessRegistrationNumber: null },
    fourEyes: true,
    firstApprovedBy: null,
    ...overrides,
  };
}

const review = (overrides: Partial<ReviewPageView> = {}) =>
  renderReviewPage({ reviewer: REVIEWER, reviewerId: ME, csrfToken: 'tok', application: anApplication(), language: 'ko', ...overrides });

// Data the fixtures put on the page (names, e-mail, file, media type) and the fixed names of things.
const NOT_UI =
  /minji@example\.com|Lee Minji|Minji Shop|Kim Minji|Lee Jiwoo|Name changed|Send the certificate|Not legible|proof\.png|image\/png|KiB|UTC|API|\bID\b|Temporal|English/g;

/** The English words left in what a reader sees or hears: text, aria-labels, titles (markup and the data above removed). */
function englishWords(page: string): string[] {
  const visible = [
    ...page
      .replace(/<head>[\s\S]*<\/head>/, '')
      .replace(/<[^>]*>/g, ' ')
      .split(/\s+/),
    ...[...page.matchAll(/(?:aria-label|title)="([^"]*)"/g)].map((match) => match[1]),
  ].join(' ');
  const title = /<title>([^<]*)<\/title>/.exec(page)?.[1] ?? '';
  return `${visible} ${title}`.replace(NOT_UI, ' ').match(/[A-Za-z]{2,}/g) ?? [];
}

describe('queue and review pages in Korean', () => {
  it('the queue page: title, filter, columns, statuses, overdue mark, claimant and pager are Korean, with lang="ko"', () => {
    const page = renderQueuePage({
      reviewer: REVIEWER,
      reviewerId: ME,
      csrfToken: 'tok',
      filter: { overdueOnly: true, cursor: 'abc' },
      page: {
        items: [anItem(), anItem({ id: 'aaaaaaaa-0000-4000-8000-000000000002', claimedBy: OTHER, status: 'AWAITING_SECOND_APPROVAL', overdue: false })],
        nextCursor: 'def',
      },
      language: 'ko',
    });
    expect(page).toContain('<html lang="ko">');
    for (const label of [
      '심사 대기열',
      '기한 초과만',
      '적용',
      '요청한 변경',
      '담당자',
      '심사 중',
      '두 번째 승인 대기',
      '기한 초과',
      '본인',
      '다른 심사자',
      '열기',
      '첫 페이지',
      '다음 페이지',
      '이름 → Lee Minji',
      '회원 유형 → 개인사업자',
      '사업자등록번호 → 123-45-67890',
      '관리자',
      '로그아웃',
    ]) {
      expect(page).toContain(label);
    }
    expect(englishWords(page)).toEqual([]);
    const empty = renderQueuePage({
      reviewer: REVIEWER,
      reviewerId: ME,
      csrfToken: 'tok',
      filter: { overdueOnly: false },
      page: { items: [], nextCursor: null },
      language: 'ko',
    });
    expect(empty).toContain('아직 신청이 없습니다');
    expect(englishWords(empty)).toEqual([]);
    // The check can fail: the same page in English is full of English words.
    expect(
      englishWords(
        renderQueuePage({
          reviewer: REVIEWER,
          reviewerId: ME,
          csrfToken: 'tok',
          filter: { overdueOnly: false },
          page: { items: [anItem()], nextCursor: null },
        }),
      ),
    ).toEqual(expect.arrayContaining(['Review', 'queue', 'Overdue', 'Open']));
  });

  it('the review page in each state, with notices and refusals, is Korean', () => {
    const pages = [
      review({ notice: doneNotice('first-approval', 'ko'), reassignTo: [{ id: OTHER, displayName: 'Lee Jiwoo' }], isAdmin: true }),
      review({ application: anApplication({ status: 'SUBMITTED', claimedBy: null }) }),
      review({ application: anApplication({ status: 'AWAITING_SECOND_APPROVAL', claimedBy: ME, firstApprovedBy: OTHER }) }),
      review({ application: anApplication({ status: 'AWAITING_SECOND_APPROVAL', claimedBy: null, firstApprovedBy: ME }) }),
      review({ application: anApplication({ status: 'AWAITING_SECOND_APPROVAL', claimedBy: null, firstApprovedBy: OTHER }) }),
      review({ application: anApplication({ claimedBy: OTHER }), claimantName: 'Lee Jiwoo', isAdmin: true, reassignTo: [] }),
      review({ application: anApplication({ status: 'INFO_REQUESTED', claimedBy: null }) }),
      review({ application: anApplication({ status: 'APPROVED', claimedBy: null, decidedAt: '2025-03-02T10:00:00.000Z' }) }),
      review({
        application: anApplication({ fourEyes: false }),
        refusal: reviewRefusal(
          'reject',
          new DomainError(ErrorCode.VALIDATION_FAILED, 'x', { errors: [{ field: 'reason', rules: ['isNotEmpty'] }] }),
          anApplication(),
          ME,
          '',
          'ko',
        ),
      }),
    ];
    for (const page of pages) {
      expect(page).toContain('<html lang="ko">');
      expect(englishWords(page)).toEqual([]);
    }
    const [held, submitted, second, waiting, claimable, elsewhere, infoRequested, approved, refused] = pages;
    for (const label of [
      '현재 값과 요청한 값',
      '회원이 밝힌 사유',
      '서류',
      '증빙 서류',
      '이력',
      '심사',
      '승인 (두 번 중 첫 번째)',
      '추가 정보 요청',
      '반려',
      '대기열로 돌려놓기',
      '배정 해제',
      '재배정',
      '첫 번째 승인이 기록되었습니다',
    ]) {
      expect(held).toContain(label);
    }
    expect(submitted).toContain('맡기');
    expect(second).toContain('두 번째 승인');
    expect(waiting).toContain('첫 번째 승인을 했습니다');
    expect(claimable).toContain('두 번째 승인을 위해 맡기');
    expect(elsewhere).toContain('다른 심사자 (Lee Jiwoo)가 맡고 있습니다');
    expect(infoRequested).toContain('회원이 서류를 추가하기를');
    expect(approved).toContain('승인됨');
    expect(refused).toContain('신청을 반려하려면 사유가 필요합니다.');
  });

  it('refusals of review actions and sign-in, and the sign-in and error pages, are Korean', () => {
    const app = anApplication({ claimedBy: OTHER });
    expect(reviewRefusal('claim', new DomainError(ErrorCode.INVALID_STATE, 'x'), app, ME, undefined, 'ko').message).toBe('다른 심사자가 먼저 맡았습니다.');
    expect(
      reviewRefusal('approve', new DomainError(ErrorCode.INVALID_STATE, 'x'), anApplication({ status: 'EXPIRED', claimedBy: null }), ME, undefined, 'ko')
        .message,
    ).toBe('신청이 지금 만료됨 상태라서 승인 처리할 수 없습니다.');
    expect(signInRefusalMessage(new DomainError(ErrorCode.INVALID_CREDENTIALS, 'x'), 'ko')).toBe('이메일 또는 비밀번호가 올바르지 않습니다.');
    const signIn = renderSignInPage({ csrfToken: 'tok', language: 'ko', error: signInRefusalMessage(new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'x'), 'ko') });
    expect(signIn).toContain('심사자 로그인');
    expect(englishWords(signIn)).toEqual([]);
    const error = renderErrorPage({ status: 404, message: '이 주소에는 아무것도 없거나 더 이상 없습니다.', csrfToken: 'tok', language: 'ko', errorId: 'e1' });
    expect(error).toContain('찾을 수 없음');
    expect(englishWords(error.replace('e1', ''))).toEqual([]);
  });
});
