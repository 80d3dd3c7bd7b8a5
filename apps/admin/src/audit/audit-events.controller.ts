import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { AuditSearch, type AuditEventPage } from '#app/audit';
import { ApiProblemResponses } from '#app/web';
import { ReviewerAuth } from '../auth/roles.guard.js';

class AuditQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsString() @Length(1, 36) memberId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsString() @Length(1, 36) applicationId?: string;
  @ApiPropertyOptional({ description: 'Event type, e.g. REVIEWER_UPDATED' }) @IsOptional() @IsString() @Length(1, 64) type?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @Length(1, 200) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, type: Number }) @IsOptional() @IsString() limit?: string;
}

class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ enum: ['MEMBER', 'REVIEWER', 'SYSTEM', 'ANONYMOUS'] }) actorType!: string;
  @ApiProperty({ nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) memberId!: string | null;
  @ApiProperty({ nullable: true, type: String }) clientIp!: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'Masked; secrets never kept' }) before!: unknown;
  @ApiProperty({ nullable: true, type: Object, description: 'Masked; secrets never kept' }) after!: unknown;
}

class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

@ApiTags('audit')
@Controller('audit-events')
@ReviewerAuth('ADMIN')
export class AuditEventsController {
  constructor(private readonly audit: AuditSearch) {}

  @Get()
  @ApiOperation({ summary: 'Search the audit trail by member, application or event type, newest first, cursor-paged, values masked (ADMIN only)' })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiProblemResponses({ 400: 'VALIDATION_FAILED', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN (not an ADMIN)' })
  search(@Query() query: AuditQueryDto): Promise<AuditEventPage> {
    return this.audit.search(query);
  }
}
