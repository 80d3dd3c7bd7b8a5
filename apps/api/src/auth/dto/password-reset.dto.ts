import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'member@example.com', description: 'The login ID; any string is answered alike' })
  @IsString()
  @Length(1, 254)
  loginId!: string;
}

export class PasswordResetAcceptedDto {
  @ApiProperty({ example: 'If an account uses this login ID, a link to set a new password was sent to it.' })
  message!: string;
}

export class ConfirmPasswordResetDto {
  @ApiProperty({ description: 'The token from the link in the reset email' })
  @IsString()
  @Length(20, 100)
  token!: string;

  @ApiProperty({ format: 'password', description: 'Must meet the policy and differ from the 3 most recently used passwords' })
  @IsString()
  @Length(1, 256)
  newPassword!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 256)
  newPasswordConfirmation!: string;
}
