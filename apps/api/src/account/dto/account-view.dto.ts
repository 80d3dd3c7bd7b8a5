import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES, type Language } from '#app/core';
import { MEMBER_TYPES, type AccountView, type MemberType } from '#app/members';

class AddressViewDto {
  @ApiProperty({ example: 'KR' }) country!: string;
  @ApiProperty({ example: '06236' }) postalCode!: string;
  @ApiProperty({ example: '152 Teheran-ro' }) line1!: string;
  @ApiProperty({ type: String, nullable: true, example: '12F' }) line2!: string | null;
}

/** The account page (OpenAPI shape of AccountView). */
export class AccountViewDto implements AccountView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MEMBER_TYPES }) memberType!: MemberType;
  @ApiProperty({ example: 'member@example.com' }) loginId!: string;
  @ApiProperty({ example: 'Kim Minji' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) businessName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '******2517', description: 'Masked: only the last four digits' })
  businessRegistrationNumber!: string | null;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
  @ApiProperty({ type: AddressViewDto, nullable: true }) address!: AddressViewDto | null;
  @ApiProperty({ example: '+821012345678', description: 'E.164' }) mobilePhone!: string;
  @ApiProperty({ example: 'billing@example.com' }) billingEmail!: string;
  @ApiProperty({ example: 'KR' }) serviceArea!: string;
  @ApiProperty({ example: 3, description: 'Also the ETag; send it back in If-Match to change the account' }) version!: number;
}
