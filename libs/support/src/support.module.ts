import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '#app/documents';
import { InquiryEntity } from './inquiry.entity.js';
import { InquiriesService } from './inquiries.service.js';

/** Entities of this library, for data sources built outside Nest (scripts, tests). */
export const SUPPORT_ENTITIES = [InquiryEntity];

/** "Contact us" inquiries; needs ConfigModule, PersistenceModule and AuditModule in the app. */
@Module({
  imports: [TypeOrmModule.forFeature(SUPPORT_ENTITIES), DocumentsModule],
  providers: [InquiriesService],
  exports: [InquiriesService],
})
export class SupportModule {}
