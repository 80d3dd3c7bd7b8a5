// Issue 14: the admin app's /metrics carries business figures computed at scrape time — flow
// executions by type and status (Temporal visibility), queue depth and overdue counts by status,
// and delivered notices by channel (database).
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { submitApplication } from '../support/application-client.js';
import { signUpAndLogin } from '../support/member-client.js';
import { startAdmin, startApi } from '../support/stack.js';

/** The value of one sample of the exposition text, or undefined. */
function sample(text: string, name: string, labels: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{${labels}}`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('business metrics on the admin /metrics', () => {
  let api: INestApplication;
  let admin: INestApplication;

  beforeAll(async () => {
    api = await startApi();
    admin = await startAdmin();
  });
  afterAll(async () => {
    await api.close();
    await admin.close();
  });

  it('counts flows, the queue and notices when scraped', async () => {
    const member = await signUpAndLogin(api);
    const applicationId = (await submitApplication(api, member).expect(201)).body.id as string;
    const scrape = async () => (await request(admin.getHttpServer()).get('/metrics').expect(200)).text;

    let text = await scrape();
    // Visibility is eventually consistent: scrape until the new flow is counted.
    for (
      let attempt = 0;
      attempt < 50 && !((sample(text, 'business_flow_executions', 'type="requiredInfoApplicationWorkflow",status="Running"') ?? 0) >= 1);
      attempt++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      text = await scrape();
    }
    expect(sample(text, 'business_metrics_source_up', 'source="temporal"')).toBe(1);
    expect(sample(text, 'business_metrics_source_up', 'source="database"')).toBe(1);
    expect(sample(text, 'business_flow_executions', 'type="requiredInfoApplicationWorkflow",status="Running"')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'business_flow_executions', 'type="loginIdChangeWorkflow",status="Failed"')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'review_queue_depth', 'status="SUBMITTED"')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'review_queue_overdue', 'status="SUBMITTED"')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'business_applications', 'status="SUBMITTED"')).toBeGreaterThanOrEqual(1);
    // The submission confirmation is a delivered email notice.
    for (let attempt = 0; attempt < 50 && sample(text, 'notices_sent', 'channel="email",template="application-submitted"') === undefined; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      text = await scrape();
    }
    expect(sample(text, 'notices_sent', 'channel="email",template="application-submitted"')).toBeGreaterThanOrEqual(1);

    await request(api.getHttpServer())
      .post(`/api/v1/me/required-info-applications/${applicationId}/withdraw`)
      .auth(member.token, { type: 'bearer' })
      .expect(200);
  });
});
