import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { REVIEWER_ROLES, type ReviewerRole } from '#app/reviewers';

export class CreateReviewerDto {
  @ApiProperty({ example: 'new.reviewer@example.com', format: 'email', maxLength: 254 })
  @IsString()
  @Length(1, 254)
  email!: string;

  @ApiProperty({ example: 'Park Jiho', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @ApiProperty({ enum: REVIEWER_ROLES })
  @IsIn(REVIEWER_ROLES)
  role!: ReviewerRole;
}

export class UpdateReviewerDto {
  @ApiPropertyOptional({ enum: REVIEWER_ROLES })
  @IsOptional()
  @IsIn(REVIEWER_ROLES)
  role?: ReviewerRole;

  @ApiPropertyOptional({ description: 'true ends every session of the account at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
