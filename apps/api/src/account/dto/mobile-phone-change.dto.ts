import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class RequestMobilePhoneChangeDto {
  @ApiProperty({ example: '+821098765432', description: 'The new mobile number; E.164 or Korean national format' })
  @IsString()
  @Length(4, 32)
  mobilePhone!: string;
}

export class ConfirmMobilePhoneChangeDto {
  @ApiProperty({ example: '123456', description: 'The 6-digit code sent by SMS to the new number' })
  @IsString()
  @Matches(/^\d{6}$/)
  code!: string;
}

export class MobilePhoneCodeSentDto {
  @ApiProperty({ format: 'date-time' }) expiresAt!: Date;
  @ApiProperty({ format: 'date-time', description: 'When the code may be sent again' }) resendAvailableAt!: Date;
}
