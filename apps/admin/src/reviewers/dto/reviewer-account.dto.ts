import { ApiProperty } from '@nestjs/swagger';
import { ReviewerDto } from '../../auth/dto/auth.dto.js';

export class ReviewerAccountDto extends ReviewerDto {
  @ApiProperty({ description: 'A disabled reviewer can neither sign in nor use a session' }) disabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
