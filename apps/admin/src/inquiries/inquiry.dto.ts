import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DOCUMENT_MEDIA_TYPES } from '#app/documents';
import { INQUIRY_BODY_MAX_LENGTH, INQUIRY_CATEGORIES, INQUIRY_STATUSES, type InquiryStatus } from '#app/support';

export class InboxQueryDto {
  @ApiPropertyOptional({ enum: INQUIRY_STATUSES, description: 'Default: every status' })
  @IsOptional()
  @IsIn(INQUIRY_STATUSES)
  status?: InquiryStatus;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, type: Number })
  @IsOptional()
  @IsString()
  limit?: string;
}

export class InquiryReplyBodyDto {
  @ApiProperty({ minLength: 1, maxLength: INQUIRY_BODY_MAX_LENGTH, example: 'We corrected the invoice; the new one is on your billing page.' })
  @IsString()
  @Length(1, INQUIRY_BODY_MAX_LENGTH)
  body!: string;
}

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ enum: INQUIRY_CATEGORIES }) category!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: INQUIRY_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updatedAt!: string | null;
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxItemDto] }) items!: InboxItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class InquiryAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: DOCUMENT_MEDIA_TYPES }) mediaType!: string;
  @ApiProperty() size!: number;
}

export class InquiryReplyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['MEMBER', 'REVIEWER'] }) author!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class InquiryThreadDto extends InboxItemDto {
  @ApiProperty() body!: string;
  @ApiProperty({ type: [InquiryAttachmentDto] }) attachments!: InquiryAttachmentDto[];
  @ApiProperty({ type: [InquiryReplyDto], description: 'Oldest first' }) replies!: InquiryReplyDto[];
}

export class CreatedReplyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
