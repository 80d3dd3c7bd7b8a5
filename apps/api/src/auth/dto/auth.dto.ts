import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Checked by LocalAuthGuard before Passport runs: both non-empty strings of at most 256 characters. */
export class LoginDto {
  @ApiProperty({ example: 'member@example.com', minLength: 1, maxLength: 256 })
  @IsString()
  @Length(1, 256)
  loginId!: string;

  @ApiProperty({ example: 'Demo!2345', format: 'password', minLength: 1, maxLength: 256 })
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class LoginResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'The latest the token works; it also expires after SESSION_IDLE_MINUTES unused', format: 'date-time' })
  expiresAt!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
}

export class ReauthenticateDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class ReauthenticateResponseDto {
  @ApiProperty({ format: 'date-time' }) privilegedUntil!: string;
}
