import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { INQUIRY_BODY_MAX_LENGTH, INQUIRY_CATEGORIES, INQUIRY_TITLE_MAX_LENGTH, type InquiryCategory } from '#app/support';

/** The text fields of a "Contact us" inquiry (multipart/form-data; the files come in `attachments`). */
export class SubmitInquiryDto {
  @ApiProperty({ enum: INQUIRY_CATEGORIES })
  @IsIn(INQUIRY_CATEGORIES)
  category!: InquiryCategory;

  @ApiProperty({ example: 'Cannot download my invoice', minLength: 1, maxLength: INQUIRY_TITLE_MAX_LENGTH })
  @IsString()
  @Length(1, INQUIRY_TITLE_MAX_LENGTH)
  // One line, not only spaces (the service trims it).
  @Matches(/^(?=[^\p{Cc}]*\S)[^\p{Cc}]+$/u)
  title!: string;

  @ApiProperty({ example: 'The invoice page shows an error since yesterday.', minLength: 1, maxLength: INQUIRY_BODY_MAX_LENGTH })
  @IsString()
  @Length(1, INQUIRY_BODY_MAX_LENGTH)
  // Lines and tabs, no other control characters, not only white space (the service trims it).
  @Matches(/^(?=[\s\S]*\S)[^\p{Cc}]*(?:[\t\r\n]+[^\p{Cc}]*)*$/u)
  body!: string;
}
