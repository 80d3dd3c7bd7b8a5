import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '#app/documents';
import { MemberEntity } from '#app/members';
import { NotificationsModule } from '#app/notifications';
import { InquiryReplyEntity } from './inquiry-reply.entity.js';
import { InquiryEntity } from './inquiry.entity.js';
import { InquiriesService } from './inquiries.service.js';
import { InquiryInboxService } from './inquiry-inbox.service.js';

/** Entities of this library, for data sources built outside Nest (scripts, tests). */
export const SUPPORT_ENTITIES = [InquiryEntity, InquiryReplyEntity];

/** "Contact us" inquiries and the support inbox; needs ConfigModule, PersistenceModule and AuditModule in the app. */
@Module({
  imports: [TypeOrmModule.forFeature([...SUPPORT_ENTITIES, MemberEntity]), DocumentsModule, NotificationsModule],
  providers: [InquiriesService, InquiryInboxService],
  exports: [InquiriesService, InquiryInboxService],
})
export class SupportModule {}
