import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';
import { LOGIN_ID_CHANGE_STATUSES } from '#workflows/login-id-change/login-id-change.contract';

export class StartLoginIdChangeDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 256)
  currentPassword!: string;

  @ApiProperty({ example: '+821012345678', description: 'Must match the registered mobile phone' })
  @IsString()
  @Length(4, 32)
  mobilePhone!: string;
}

export class VerificationCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/)
  code!: string;
}

export class NewLoginIdDto {
  @ApiProperty({ example: 'new.address@example.com' })
  @IsEmail()
  @MaxLength(254)
  newLoginId!: string;
}

export class RevertLoginIdChangeDto {
  @ApiProperty({ description: 'The token from the notice sent to the previous address' })
  @IsString()
  @Length(20, 100)
  token!: string;
}

export class LoginIdChangeViewDto {
  @ApiProperty({ format: 'uuid' }) changeId!: string;
  @ApiProperty({ enum: LOGIN_ID_CHANGE_STATUSES })
  status!: string;
  @ApiProperty({ nullable: true, type: String }) newLoginId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'TOO_MANY_ATTEMPTS or LOGIN_ID_TAKEN for a FAILED change' }) failureCode!: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
