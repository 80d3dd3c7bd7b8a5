import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { REVIEWER_ROLES, type ReviewerRole } from '#app/reviewers';

export class ReviewerLoginDto {
  @ApiProperty({ example: 'demo.reviewer@example.com', maxLength: 254 })
  @IsString()
  @Length(1, 254)
  email!: string;

  @ApiProperty({ example: 'Review!2345', format: 'password', maxLength: 256 })
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class ReviewerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ enum: REVIEWER_ROLES }) role!: ReviewerRole;
  @ApiProperty() displayName!: string;
}

export class ReviewerLoginResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'The latest the token works; it also expires after SESSION_IDLE_MINUTES unused', format: 'date-time' })
  expiresAt!: string;
  @ApiProperty({ type: ReviewerDto }) reviewer!: ReviewerDto;
}
