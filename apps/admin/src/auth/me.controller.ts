import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { toReviewerView, type ReviewerPrincipal, type ReviewerView } from '#app/reviewers';
import { CurrentReviewer } from './current-reviewer.js';
import { ReviewerDto } from './dto/auth.dto.js';
import { ReviewerAuth } from './roles.guard.js';

@ApiTags('auth')
@Controller('me')
export class MeController {
  @Get()
  @ReviewerAuth()
  @ApiOperation({ summary: 'The signed-in reviewer' })
  @ApiOkResponse({ type: ReviewerDto })
  me(@CurrentReviewer() principal: ReviewerPrincipal): ReviewerView {
    return toReviewerView(principal.reviewer);
  }
}
