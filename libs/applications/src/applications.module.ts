import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '#app/documents';
import { MembersModule } from '#app/members';
import { NotificationsModule } from '#app/notifications';
import { ReviewerEntity } from '#app/reviewers';
import { ApplicationEventEntity } from './application-event.entity.js';
import { RequiredInfoApplicationEntity } from './application.entity.js';
import { ApplicationFlowClient } from './application-flow.client.js';
import { ApplicationTransitionsService } from './application-transitions.service.js';
import { ApplicationsQuery } from './applications.query.js';
import { MemberApplicationActionsService } from './member-application-actions.service.js';
import { ReviewActionsService } from './review-actions.service.js';
import { SubmitApplicationService } from './submit-application.service.js';

const SERVICES = [
  ApplicationFlowClient,
  ApplicationTransitionsService,
  ApplicationsQuery,
  MemberApplicationActionsService,
  ReviewActionsService,
  SubmitApplicationService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([RequiredInfoApplicationEntity, ApplicationEventEntity, ReviewerEntity]),
    DocumentsModule,
    MembersModule,
    NotificationsModule,
  ],
  providers: SERVICES,
  // Reviewer screens open the documents of an application.
  exports: [...SERVICES, DocumentsModule],
})
export class ApplicationsModule {}
