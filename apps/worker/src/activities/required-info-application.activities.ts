import { Injectable } from '@nestjs/common';
import { ApplicationTransitionsService } from '#app/applications';
import type { RequiredInfoApplicationActivities } from '#workflows/activities';
import { refusalsAreFinal } from './refusals-are-final.js';

@Injectable()
export class RequiredInfoApplicationActivitiesImpl implements RequiredInfoApplicationActivities {
  constructor(private readonly transitions: ApplicationTransitionsService) {}

  recordApplicationTransition: RequiredInfoApplicationActivities['recordApplicationTransition'] = (transition) =>
    refusalsAreFinal(() => this.transitions.record(transition));

  approveApplication: RequiredInfoApplicationActivities['approveApplication'] = (transition) => refusalsAreFinal(() => this.transitions.approve(transition));

  flagApplicationOverdue: RequiredInfoApplicationActivities['flagApplicationOverdue'] = ({ applicationId, status, since }) =>
    refusalsAreFinal(() => this.transitions.flagOverdue(applicationId, status, since));

  notifyApplicant: RequiredInfoApplicationActivities['notifyApplicant'] = ({ applicationId, notice, key }) =>
    refusalsAreFinal(() => this.transitions.notifyApplicant(applicationId, notice, key));
}
