import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { INQUIRY_BODY_MAX_LENGTH } from '#app/support';

/** A member's reply to their inquiry (JSON, or multipart with `attachments`). */
export class InquiryReplyDto {
  @ApiProperty({ example: 'Thank you. The corrected invoice is fine.', minLength: 1, maxLength: INQUIRY_BODY_MAX_LENGTH })
  @IsString()
  @Length(1, INQUIRY_BODY_MAX_LENGTH)
  body!: string;
}
