import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { MEMBER_TYPES, type MemberType } from '#app/members';

/** The text fields of an application (multipart/form-data; files in applicationForm and proofDocuments). */
export class SubmitApplicationDto {
  @ApiPropertyOptional({ enum: MEMBER_TYPES })
  @IsOptional()
  @IsIn(MEMBER_TYPES)
  memberType?: MemberType;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(/^[^\p{Cc}]+$/u)
  name?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/^[^\p{Cc}]+$/u)
  businessName?: string;

  @ApiPropertyOptional({ example: '220-81-62517', description: '10 digits with the National Tax Service check digit' })
  @IsOptional()
  @IsString()
  @Length(10, 12)
  businessRegistrationNumber?: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class SubmittedApplicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SUBMITTED' }) status!: string;
}
