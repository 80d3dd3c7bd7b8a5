import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { INQUIRY_BODY_MAX_LENGTH, INQUIRY_CATEGORIES, INQUIRY_TITLE_MAX_LENGTH, type InquiryCategory } from '#app/support';

// ECMAScript's white space and line terminators (what `\s` and String#trim mean), spelt out: the
// document's pattern is also read by Python-regex generators, whose `\s` differs (U+FEFF).
const WHITE_SPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
// Control characters except tab, line feed and carriage return.
const CONTROL_BUT_LINES = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f';

// No lookahead ("not only white space" as one visible character between two runs): generators can
// build strings of any allowed length for it directly instead of filtering (docs/reliability.md R4).
/** One line, no control characters, not only white space (the service trims it). */
export const INQUIRY_TITLE_PATTERN = new RegExp(`^[^\\p{Cc}]*[^${WHITE_SPACE}\\p{Cc}][^\\p{Cc}]*$`, 'u');
/** Lines and tabs, no other control characters, not only white space (the service trims it). */
export const INQUIRY_BODY_PATTERN = new RegExp(`^[^${CONTROL_BUT_LINES}]*[^${WHITE_SPACE}\\p{Cc}][^${CONTROL_BUT_LINES}]*$`, 'u');

/** The text fields of a "Contact us" inquiry (multipart/form-data; the files come in `attachments`). */
export class SubmitInquiryDto {
  @ApiProperty({ enum: INQUIRY_CATEGORIES })
  @IsIn(INQUIRY_CATEGORIES)
  category!: InquiryCategory;

  @ApiProperty({ example: 'Cannot download my invoice', minLength: 1, maxLength: INQUIRY_TITLE_MAX_LENGTH })
  @IsString()
  @Length(1, INQUIRY_TITLE_MAX_LENGTH)
  @Matches(INQUIRY_TITLE_PATTERN)
  title!: string;

  @ApiProperty({ example: 'The invoice page shows an error since yesterday.', minLength: 1, maxLength: INQUIRY_BODY_MAX_LENGTH })
  @IsString()
  @Length(1, INQUIRY_BODY_MAX_LENGTH)
  @Matches(INQUIRY_BODY_PATTERN)
  body!: string;
}
