import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReviewerAccountsService, type ReviewerAccountView } from '#app/reviewers';
import { ReviewerAuth } from '../auth/roles.guard.js';
import { ReviewerAccountDto } from './dto/reviewer-account.dto.js';

@ApiTags('reviewers')
@Controller('reviewers')
export class ReviewersController {
  constructor(private readonly accounts: ReviewerAccountsService) {}

  @Get()
  @ReviewerAuth('ADMIN')
  @ApiOperation({ summary: 'Every reviewer account, oldest first (ADMIN only; FORBIDDEN otherwise)' })
  @ApiOkResponse({ type: ReviewerAccountDto, isArray: true })
  list(): Promise<ReviewerAccountView[]> {
    return this.accounts.list();
  }
}
