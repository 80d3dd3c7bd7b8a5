import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LANGUAGES, type Language } from '#app/core';
import { MEMBER_TYPES, type MemberType } from '#app/members';
import { AddressDto } from './address.dto.js';

export class SignUpDto {
  @ApiProperty({ example: 'new.member@example.com', description: 'An email address; stored in lower case' })
  @IsEmail()
  @MaxLength(254)
  loginId!: string;

  @ApiProperty({ format: 'password', description: 'Policy: PASSWORD_POLICY (portal: 8–16, letters + digits + specials)' })
  @IsString()
  @Length(1, 256)
  password!: string;

  @ApiProperty({ example: 'Kim Minji' })
  @IsString()
  @Length(1, 100)
  @Matches(/^[^\p{Cc}]+$/u)
  name!: string;

  @ApiProperty({ enum: MEMBER_TYPES })
  @IsIn(MEMBER_TYPES)
  memberType!: MemberType;

  @ApiProperty({ example: '+821012345678', description: 'Mobile number; E.164 or Korean national format' })
  @IsString()
  @Length(4, 32)
  mobilePhone!: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language!: Language;

  @ApiProperty({ example: 'KR', description: 'One of the configured SERVICE_AREAS' })
  @IsString()
  @Length(2, 32)
  serviceArea!: string;

  @ApiProperty({ example: 'billing@example.com' })
  @IsEmail()
  @MaxLength(254)
  billingEmail!: string;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ description: 'Required for business member types' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/^[^\p{Cc}]+$/u)
  businessName?: string;

  @ApiPropertyOptional({ example: '220-81-62517', description: 'Required for business member types; 10 digits with check digit' })
  @IsOptional()
  @IsString()
  @Length(10, 12)
  businessRegistrationNumber?: string;
}

export class SignUpResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() loginId!: string;
}
