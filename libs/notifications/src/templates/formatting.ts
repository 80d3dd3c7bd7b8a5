import type { Language } from '#app/core';

const DATE_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  ko: dateFormat('ko-KR', 'h23'),
  en: dateFormat('en-US', 'h12'),
  ja: dateFormat('ja-JP', 'h23'),
};

function dateFormat(locale: string, hourCycle: 'h12' | 'h23'): Intl.DateTimeFormat {
  // Members live in several time zones and none is stored: show UTC, and say so.
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle,
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
}

// An ISO-8601 instant as a reader of `language` expects it, e.g. "2026年3月5日 4:07 UTC".
export function formatInstant(iso: string, language: Language): string {
  return DATE_FORMATS[language].format(new Date(iso));
}

// English count with its noun: "1 minute", "3 minutes".
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

// The "this wasn't me" link: revertUrl as given when it already carries the token, else with `token=` added.
export function revertLink(revertUrl: string, revertToken: string): string {
  if (revertUrl.includes(revertToken)) return revertUrl;
  const url = new URL(revertUrl);
  url.searchParams.set('token', revertToken);
  return url.toString();
}

const STATUS_LABELS: Record<Language, Record<string, string>> = {
  ko: {
    SUBMITTED: '접수됨(담당자 미지정)',
    IN_REVIEW: '심사 중',
    INFO_REQUESTED: '추가 자료 요청',
    AWAITING_SECOND_APPROVAL: '2차 승인 대기',
  },
  en: {
    SUBMITTED: 'submitted, not yet claimed',
    IN_REVIEW: 'in review',
    INFO_REQUESTED: 'more information requested',
    AWAITING_SECOND_APPROVAL: 'awaiting a second approval',
  },
  ja: {
    SUBMITTED: '受付済み（担当者未定）',
    IN_REVIEW: '審査中',
    INFO_REQUESTED: '追加資料依頼中',
    AWAITING_SECOND_APPROVAL: '二次承認待ち',
  },
};

// An application state in words; an unknown state is shown as its code.
export function statusLabel(status: string, language: Language): string {
  return STATUS_LABELS[language][status] ?? status;
}
