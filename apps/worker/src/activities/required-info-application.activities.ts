import { Injectable, Logger } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { ApplicationTransitionsService } from '#app/applications';
import type { RequiredInfoApplicationActivities } from '#workflows/activities';
import { NOTICE_FAILING_FROM_ATTEMPT, noticesFailingTotal } from './notice-metrics.js';
import { refusalsAreFinal } from './refusals-are-final.js';

@Injectable()
export class RequiredInfoApplicationActivitiesImpl implements RequiredInfoApplicationActivities {
  private readonly logger = new Logger('ApplicationNotices');

  constructor(private readonly transitions: ApplicationTransitionsService) {}

  createApplication: RequiredInfoApplicationActivities['createApplication'] = (input) => refusalsAreFinal(() => this.transitions.create(input));

  recordApplicationTransition: RequiredInfoApplicationActivities['recordApplicationTransition'] = (transition) =>
    refusalsAreFinal(() => this.transitions.record(transition));

  approveApplication: RequiredInfoApplicationActivities['approveApplication'] = (transition) => refusalsAreFinal(() => this.transitions.approve(transition));

  markApplicationOverdue: RequiredInfoApplicationActivities['markApplicationOverdue'] = ({ applicationId, status }) =>
    refusalsAreFinal(() => this.transitions.markOverdue(applicationId, status));

  sendApplicationNotice: RequiredInfoApplicationActivities['sendApplicationNotice'] = async (notice) => {
    try {
      await refusalsAreFinal(() => this.transitions.sendNotice(notice));
    } catch (error) {
      const { attempt } = Context.current().info;
      if (attempt >= NOTICE_FAILING_FROM_ATTEMPT) {
        // Never the recipient or the text: the kind, the key and what failed.
        this.logger.warn(`notice still failing: kind=${notice.kind} key=${notice.key} attempt=${attempt} error=${(error as Error).message}`);
        noticesFailingTotal.inc({ channel: 'email' });
      }
      throw error;
    }
  };

  flagApplicationOverdue: RequiredInfoApplicationActivities['flagApplicationOverdue'] = ({ applicationId, status, since }) =>
    refusalsAreFinal(() => this.transitions.flagOverdue(applicationId, status, since));

  notifyApplicant: RequiredInfoApplicationActivities['notifyApplicant'] = ({ applicationId, notice, key }) =>
    refusalsAreFinal(() => this.transitions.notifyApplicant(applicationId, notice, key));
}
