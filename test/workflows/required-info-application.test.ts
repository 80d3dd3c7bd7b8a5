// The review workflow driven with the Temporal client against the dev server and the real worker,
// deadlines injected as seconds: four eyes, validator refusals, serialised actions, overdue flags,
// information-request expiry, the one-open-application slot and an administrator's reassignment.
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import request from 'supertest';
import { waitFor } from '../../scripts/lib/temporal-cli.mjs';
import {
  approveApplication,
  claimApplication,
  documentsAdded,
  reassignApplication,
  rejectApplication,
  releaseApplication,
  requestInformation,
  withdrawApplication,
  type ApplicationFlowView,
} from '../../workflows/required-info-application/application.contract.js';
import { privilegedMember, signUpAndLogin, type SignedInMember } from '../support/member-client.js';
import { refusalOf, reviewHandle, startReview } from '../support/review-flow.js';
import { startApi, temporalClient } from '../support/stack.js';

describe('review workflow (Temporal client, real worker)', () => {
  let api: INestApplication;
  let client: Client;
  let close: () => Promise<void>;
  const A = randomUUID();
  const B = randomUUID();
  const ADMIN = randomUUID();

  beforeAll(async () => {
    api = await startApi();
    ({ client, close } = await temporalClient());
  });
  afterAll(async () => {
    await api.close();
    await close();
  });

  const account = async (member: SignedInMember) =>
    (await request(api.getHttpServer()).get('/api/v1/me/account').auth(member.token, { type: 'bearer' }).expect(200)).body;

  it('four eyes: the first approval waits for a second, different reviewer, who applies it', async () => {
    const member = await privilegedMember(api);
    const { applicationId } = await startReview(client, member.id, { fourEyes: true, name: 'Park Minji' });
    const flow = reviewHandle(client, applicationId);
    await flow.act(claimApplication, A);
    const first = await flow.act(approveApplication, A);
    expect(first).toMatchObject({ status: 'AWAITING_SECOND_APPROVAL', claimedBy: null, firstApprovedBy: A });
    expect((await account(member)).name).not.toBe('Park Minji');

    // The first approver can neither approve again nor claim the second review.
    expect(await refusalOf(flow.act(approveApplication, A))).toBe('FOUR_EYES_REQUIRED');
    expect(await refusalOf(flow.act(claimApplication, A))).toBe('FOUR_EYES_REQUIRED');
    // Nor can an administrator hand it back to them.
    await flow.act(claimApplication, B);
    expect(await refusalOf(flow.act(reassignApplication, ADMIN, A))).toBe('FOUR_EYES_REQUIRED');
    expect(await refusalOf(flow.act(approveApplication, A))).toBe('FOUR_EYES_REQUIRED');

    const second = await flow.act(approveApplication, B);
    expect(second).toMatchObject({ status: 'APPROVED', firstApprovedBy: A });
    expect(await flow.handle.result()).toMatchObject({ status: 'APPROVED' });
    expect((await account(member)).name).toBe('Park Minji');
  });

  it('four eyes: the second reviewer may reject with a reason; the member may withdraw until then', async () => {
    const member = await signUpAndLogin(api);
    const { applicationId } = await startReview(client, member.id, { fourEyes: true });
    const flow = reviewHandle(client, applicationId);
    await flow.act(claimApplication, A);
    await flow.act(approveApplication, A);
    await flow.act(claimApplication, B);
    expect(await refusalOf(flow.act(requestInformation, B, 'More, please'))).toBe('INVALID_STATE');
    expect(await refusalOf(flow.act(rejectApplication, B, '  '))).toBe('VALIDATION_FAILED');
    expect(await flow.act(rejectApplication, B, 'The certificate is not legible')).toMatchObject({ status: 'REJECTED' });

    const other = await signUpAndLogin(api);
    const withdrawn = await startReview(client, other.id, { fourEyes: true });
    const second = reviewHandle(client, withdrawn.applicationId);
    await second.act(claimApplication, A);
    await second.act(approveApplication, A);
    expect(await second.act(withdrawApplication, other.id)).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('refuses actions that do not fit, in the validator, with their codes', async () => {
    const member = await signUpAndLogin(api);
    const { applicationId } = await startReview(client, member.id);
    const flow = reviewHandle(client, applicationId);
    expect(await refusalOf(flow.act(approveApplication, A))).toBe('INVALID_STATE');
    expect(await refusalOf(flow.act(documentsAdded, member.id))).toBe('INVALID_STATE');
    expect(await refusalOf(flow.act(withdrawApplication, randomUUID()))).toBe('NOT_FOUND');
    await flow.act(claimApplication, A);
    expect(await refusalOf(flow.act(claimApplication, B))).toBe('INVALID_STATE');
    expect(await refusalOf(flow.act(approveApplication, B))).toBe('FORBIDDEN');
    expect(await refusalOf(flow.act(releaseApplication, B))).toBe('FORBIDDEN');
    expect(await refusalOf(flow.act(requestInformation, A, ''))).toBe('VALIDATION_FAILED');
    expect(await refusalOf(flow.act(reassignApplication, ADMIN, A))).toBe('INVALID_STATE');
    // Without four eyes one approval applies it.
    expect(await flow.act(approveApplication, A)).toMatchObject({ status: 'APPROVED' });
    expect(await refusalOf(flow.act(withdrawApplication, member.id))).toMatch(/^(INVALID_STATE|NOT_FOUND)$/);
  });

  it('runs concurrent actions one after another: exactly one of two claims wins, none is refused as busy', async () => {
    const member = await signUpAndLogin(api);
    const { applicationId } = await startReview(client, member.id);
    const flow = reviewHandle(client, applicationId);
    const outcomes = await Promise.allSettled([flow.act(claimApplication, A), flow.act(claimApplication, B)]);
    const won = outcomes.filter((outcome): outcome is PromiseFulfilledResult<ApplicationFlowView> => outcome.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(await refusalOf(Promise.reject(lost.reason))).toBe('INVALID_STATE');
    expect((await flow.view()).claimedBy).toBe(won[0].value.claimedBy);

    // A withdraw and an approval together: one state, and each answer agrees with it.
    const [approval, withdrawal] = await Promise.allSettled([flow.act(approveApplication, won[0].value.claimedBy), flow.act(withdrawApplication, member.id)]);
    const final = await flow.handle.result();
    if (approval.status === 'fulfilled') {
      expect(final.status).toBe('APPROVED');
      expect(withdrawal.status).toBe('rejected');
    } else {
      expect(final.status).toBe('WITHDRAWN');
      expect(withdrawal.status).toBe('fulfilled');
    }
  });

  it('flags an unclaimed application overdue, clears it on a claim, flags it again in review and awaiting the second approval', async () => {
    const member = await signUpAndLogin(api);
    const { applicationId } = await startReview(client, member.id, {
      fourEyes: true,
      deadlines: { unclaimedSeconds: 1, inReviewSeconds: 1, infoRequestSeconds: 60 },
    });
    const flow = reviewHandle(client, applicationId);
    await waitFor(async () => (await flow.view()).overdue, { timeoutMs: 20_000, what: 'overdue while unclaimed' });
    expect(await flow.act(claimApplication, A)).toMatchObject({ status: 'IN_REVIEW', overdue: false });
    await waitFor(async () => (await flow.view()).overdue, { timeoutMs: 20_000, what: 'overdue in review' });
    expect(await flow.act(approveApplication, A)).toMatchObject({ status: 'AWAITING_SECOND_APPROVAL', overdue: false });
    await waitFor(async () => (await flow.view()).overdue, { timeoutMs: 20_000, what: 'overdue awaiting the second approval' });
  });

  it('expires an unanswered information request; an answered one returns to the queue', async () => {
    const member = await signUpAndLogin(api);
    const deadlines = { unclaimedSeconds: 60, inReviewSeconds: 60, infoRequestSeconds: 2 };
    const { applicationId } = await startReview(client, member.id, { deadlines });
    const flow = reviewHandle(client, applicationId);
    await flow.act(claimApplication, A);
    await flow.act(requestInformation, A, 'Add the certificate');
    expect(await flow.handle.result()).toMatchObject({ status: 'EXPIRED' });

    const again = await startReview(client, member.id, { deadlines: { ...deadlines, infoRequestSeconds: 60 } });
    const answered = reviewHandle(client, again.applicationId);
    await answered.act(claimApplication, A);
    await answered.act(requestInformation, A, 'Add the certificate');
    expect(await answered.act(documentsAdded, member.id)).toMatchObject({ status: 'SUBMITTED', claimedBy: null });
  });

  it('holds one open application per member: a second start is refused and its workflow ends', async () => {
    const member = await signUpAndLogin(api);
    await startReview(client, member.id);
    const applicationId = randomUUID();
    expect(await refusalOf(startReview(client, member.id, { applicationId }))).toBe('APPLICATION_ALREADY_OPEN');
    await reviewHandle(client, applicationId).handle.result();
    const mine = await request(api.getHttpServer()).get('/api/v1/me/required-info-applications').auth(member.token, { type: 'bearer' }).expect(200);
    expect(mine.body).toHaveLength(1);
  });

  it('lets an administrator hand a claim over, or free it', async () => {
    const member = await signUpAndLogin(api);
    const { applicationId } = await startReview(client, member.id);
    const flow = reviewHandle(client, applicationId);
    await flow.act(claimApplication, A);
    expect(await refusalOf(flow.act(reassignApplication, ADMIN, A))).toBe('INVALID_STATE');
    expect(await flow.act(reassignApplication, ADMIN, B)).toMatchObject({ status: 'IN_REVIEW', claimedBy: B });
    expect(await refusalOf(flow.act(approveApplication, A))).toBe('FORBIDDEN');
    expect(await flow.act(reassignApplication, ADMIN, null)).toMatchObject({ status: 'SUBMITTED', claimedBy: null });
  });
});
