import type { QueueItem, ReviewerApplicationDetail } from '#app/applications';
import { DomainError, ErrorCode } from '#app/core';
import { queueFilterOf } from './queue-filter.js';
import { queueHref, renderQueuePage } from './queue.page.js';
import { renderReviewPage, type ReviewPageView } from './review.page.js';

const ATTACK = `<script>alert("x")</script>`;
const ME = 'reviewer-me';
const REVIEWER = { displayName: 'Lee Jiwoo', role: 'REVIEWER' };
const ID = '3f1c2a9e-5b7d-4c1e-9a2b-8d6f0e4c3b21';

function anItem(overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id: ID,
    status: 'SUBMITTED',
    submittedAt: '2025-03-01T09:30:00.000Z',
    statusSince: '2025-03-01T09:30:00.000Z',
    requested: { memberType: null, name: 'Lee Minji', businessName: null, businessRegistrationNumber: null },
    memberId: '9d8c7b6a-0000-4000-8000-000000000001',
    memberLoginId: 'minji@example.com',
    overdue: false,
    claimedBy: null,
    firstApprovedBy: null,
    ...overrides,
  };
}

function anApplication(overrides: Partial<ReviewerApplicationDetail> = {}): ReviewerApplicationDetail {
  return {
    ...anItem(),
    reason: 'Name changed',
    infoRequestMessage: null,
    rejectionReason: null,
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
    history: [{ at: '2025-03-01T09:30:00.000Z', actor: 'MEMBER', from: null, to: 'SUBMITTED', note: null }],
    member: { loginId: 'minji@example.com', language: 'ko' },
    current: { memberType: 'PERSONAL', name: 'Kim Minji', businessName: null, businessRegistrationNumber: null },
    fourEyes: false,
    firstApprovedBy: null,
    ...overrides,
  };
}

const review = (overrides: Partial<ReviewPageView> = {}) =>
  renderReviewPage({ reviewer: REVIEWER, reviewerId: ME, csrfToken: 'tok', application: anApplication(), ...overrides });

const actionsOf = (page: string) => [...page.matchAll(/action="\/queue\/[^/]+\/([a-z-]+)"/g)].map((match) => match[1]);

describe('queue page', () => {
  it('lists each application with its member, requested changes, status, claimant and overdue mark, escaped', () => {
    const page = renderQueuePage({
      reviewer: REVIEWER,
      reviewerId: ME,
      csrfToken: 'tok',
      filter: { status: 'IN_REVIEW', overdueOnly: true },
      page: {
        items: [
          anItem({
            memberLoginId: ATTACK,
            requested: { memberType: 'CORPORATE_BUSINESS', name: ATTACK, businessName: null, businessRegistrationNumber: '1234567891' },
          }),
          anItem({ id: 'b'.repeat(36), status: 'IN_REVIEW', claimedBy: ME, overdue: true }),
          anItem({ id: 'c'.repeat(36), status: 'IN_REVIEW', claimedBy: 'someone-else' }),
        ],
        nextCursor: 'abc_DEF-1',
      },
    });
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
    expect(page).toContain('<li>Member type → Corporate business</li>');
    expect(page).toContain('<li>Business registration number → 123-45-67891</li>');
    expect(page).toContain('<time datetime="2025-03-01T09:30:00.000Z">2025-03-01 09:30 UTC</time>');
    expect(page).toContain(`href="/queue/${ID}"`);
    expect(page).toContain('<strong>You</strong>');
    expect(page).toContain('Another reviewer');
    expect(page.match(/class="badge overdue-badge"/g)).toHaveLength(1);
    expect(page).toContain('<option value="IN_REVIEW" selected>In review</option>');
    expect(page).toContain('name="overdue" value="true" checked');
    expect(page).toContain('href="/queue?status=IN_REVIEW&amp;overdue=true&amp;cursor=abc_DEF-1" rel="next"');
    expect(page).not.toMatch(/<script|style=|<style/);
  });

  it('says when a filter matches nothing, and links back to the first page from a later one', () => {
    const page = renderQueuePage({
      reviewer: REVIEWER,
      reviewerId: ME,
      csrfToken: 'tok',
      filter: { overdueOnly: true, cursor: 'abc' },
      page: { items: [], nextCursor: null },
    });
    expect(page).toContain('No applications match this filter');
    expect(page).toContain('href="/queue?overdue=true">← First page');
    expect(page).not.toContain('Next page');
    expect(queueHref({ overdueOnly: false })).toBe('/queue');
  });

  it('reads the filter form and refuses what it does not offer', () => {
    expect(queueFilterOf({})).toEqual({ status: undefined, overdueOnly: false, cursor: undefined });
    expect(queueFilterOf({ status: '', overdue: 'true', cursor: 'abc_-1' })).toEqual({ status: undefined, overdueOnly: true, cursor: 'abc_-1' });
    expect(queueFilterOf({ status: 'APPROVED' }).status).toBe('APPROVED');
    for (const query of [{ status: 'DELETED' }, { status: ['SUBMITTED', 'IN_REVIEW'] }, { cursor: 'a b' }, { cursor: 'x'.repeat(201) }]) {
      let refusal: unknown;
      try {
        queueFilterOf(query);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DomainError);
      expect((refusal as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    }
  });
});

describe('review page', () => {
  it('shows current and requested values side by side, marking what changes, and everything escaped', () => {
    const page = review({
      application: anApplication({ reason: ATTACK, requested: { memberType: null, name: ATTACK, businessName: null, businessRegistrationNumber: null } }),
    });
    expect(page).not.toContain('<script>');
    expect(page).toMatch(/<tr class="changed">\s*<th scope="row">Name<\/th>\s*<td>Kim Minji<\/td>\s*<td>&lt;script&gt;/);
    expect(page).toMatch(/<tr>\s*<th scope="row">Member type<\/th>\s*<td>Personal<\/td>\s*<td><span class="muted">No change asked<\/span>/);
    expect(page).not.toMatch(/<script|style=|<style/);
  });

  it('links each document to view in a new tab and to download', () => {
    const page = review();
    const base = `/admin/api/v1/applications/${ID}/documents/d0c00000-0000-4000-8000-000000000001`;
    expect(page).toContain(`href="${base}?inline=true" target="_blank" rel="noopener noreferrer"`);
    expect(page).toContain(`href="${base}" download`);
    expect(page).toContain('2.0 KiB');
  });

  it('offers Claim on a submitted application, with the CSRF field', () => {
    const page = review();
    expect(actionsOf(page)).toEqual(['claim']);
    expect(page).toContain('<input type="hidden" name="_csrf" value="tok">');
  });

  it('offers the claimant approve, request information, reject (both with a required text) and release', () => {
    const page = review({ application: anApplication({ status: 'IN_REVIEW', claimedBy: ME }) });
    expect(actionsOf(page)).toEqual(['approve', 'request-info', 'reject', 'release']);
    expect(page).toMatch(/<textarea id="reject-reason" name="reason" rows="3" required maxlength="2000"/);
    expect(page).toMatch(/<textarea id="request-info-message" name="message" rows="3" required maxlength="2000"/);
  });

  it('offers nothing when another reviewer holds it, and says who', () => {
    const page = review({ application: anApplication({ status: 'IN_REVIEW', claimedBy: 'someone-else' }), claimantName: ATTACK });
    expect(actionsOf(page)).toEqual([]);
    expect(page).toContain('Claimed by another reviewer (&lt;script&gt;');
  });

  it.each(['INFO_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'])('offers nothing while %s', (status) => {
    expect(actionsOf(review({ application: anApplication({ status }) }))).toEqual([]);
  });

  it('shows the messages to the member, the notice of the last action, and a refusal beside its form with the typed text', () => {
    const page = review({
      application: anApplication({ status: 'IN_REVIEW', claimedBy: ME, infoRequestMessage: 'Send the <court> decision', rejectionReason: null }),
      notice: 'You claimed this application.',
      refusal: { action: 'reject', message: 'A reason is required to reject the application.', fieldMessage: 'A reason is required.', typed: `  ${ATTACK}` },
    });
    expect(page).toContain('<p class="note info-request">Send the &lt;court&gt; decision</p>');
    expect(page).toContain('role="status">You claimed this application.</p>');
    expect(page).toContain('role="alert">A reason is required to reject the application.</p>');
    expect(page).toContain('<span class="field-error" id="reject-reason-error">A reason is required.</span>');
    expect(page).toMatch(/aria-invalid="true">\n {2}&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;<\/textarea>/);
  });

  it('four eyes: the first approver is offered nothing more; another reviewer may claim it for the second approval', () => {
    const waiting = anApplication({ status: 'AWAITING_SECOND_APPROVAL', fourEyes: true, firstApprovedBy: ME, claimedBy: null });
    expect(actionsOf(review({ application: waiting }))).toEqual([]);
    expect(review({ application: waiting })).toContain('You gave the first approval.');
    expect(actionsOf(review({ application: waiting, reviewerId: 'reviewer-b' }))).toEqual(['claim']);
    const held = anApplication({ status: 'AWAITING_SECOND_APPROVAL', fourEyes: true, firstApprovedBy: 'reviewer-a', claimedBy: ME });
    expect(actionsOf(review({ application: held }))).toEqual(['approve', 'reject', 'release']);
    expect(review({ application: held })).toContain('Give the second approval');
  });

  it('offers an admin to free or hand over a claim held by someone else, listing the reviewers escaped', () => {
    const claimed = anApplication({ status: 'IN_REVIEW', claimedBy: 'reviewer-other' });
    expect(actionsOf(review({ application: claimed }))).toEqual([]);
    const page = review({ application: claimed, isAdmin: true, reassignTo: [{ id: 'r-1', displayName: '<b>Park</b>' }] });
    expect(actionsOf(page)).toEqual(['reassign', 'reassign']);
    expect(page).toContain('<option value="r-1">&lt;b&gt;Park&lt;/b&gt;</option>');
  });
});
