import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEventEntity } from './audit-event.entity.js';
import { AuditSearch } from './audit-search.js';
import { AuditTrail } from './audit-trail.js';

@Global()
@Module({ imports: [TypeOrmModule.forFeature([AuditEventEntity])], providers: [AuditTrail, AuditSearch], exports: [AuditTrail, AuditSearch] })
export class AuditModule {}
