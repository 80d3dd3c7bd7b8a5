import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsObject, IsString, Length, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { LANGUAGES, type Language } from '#app/core';
import { AddressDto } from '../../members/dto/address.dto.js';

// A field may be left out, but not sent as null: these columns always have a value.
const given = (_object: object, value: unknown): boolean => value !== undefined;

/**
 * Basic information; every field optional, at least one required. Member type, name, business
 * name, business registration number, login ID, mobile phone and password are refused here with
 * a rule naming the process that changes them.
 */
export class UpdateAccountDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @ValidateIf(given)
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ type: AddressDto, description: 'Replaces the whole address; leave out line2 (or send null or "") to clear it' })
  @ValidateIf(given)
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ example: 'billing@example.com', description: 'Stored in lower case' })
  @ValidateIf(given)
  @IsEmail()
  @MaxLength(254)
  billingEmail?: string;

  @ApiPropertyOptional({ example: 'KR', description: 'One of the configured SERVICE_AREAS (isConfiguredServiceArea)' })
  @ValidateIf(given)
  @IsString()
  @Length(2, 32)
  serviceArea?: string;
}
