import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsOptional, IsString, Length, Matches } from 'class-validator';

export class AddressDto {
  @ApiProperty({ example: 'KR', description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2()
  country!: string;

  @ApiProperty({ example: '06236' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]{1,14}$/)
  postalCode!: string;

  @ApiProperty({ example: '152 Teheran-ro, Gangnam-gu' })
  @IsString()
  @Length(1, 200)
  @Matches(/^[^\p{Cc}]+$/u)
  line1!: string;

  @ApiPropertyOptional({ example: '12F' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  @Matches(/^[^\p{Cc}]*$/u)
  line2?: string;
}
