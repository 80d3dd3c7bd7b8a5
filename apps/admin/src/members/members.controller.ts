import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '#app/web';
import { ReviewerAuth } from '../auth/roles.guard.js';
import { MemberLookupService, type MemberLookupView } from './member-lookup.service.js';

class MemberFlowDto {
  @ApiProperty() workflowId!: string;
  @ApiProperty() runId!: string;
  @ApiProperty({ description: 'Workflow type' }) type!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ description: 'The flow in the Temporal Web UI' }) temporalUiUrl!: string;
}

class MemberLookupDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() loginId!: string;
  @ApiProperty() memberType!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) businessName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Masked: only the last four digits', example: '******2517' }) businessRegistrationNumber!:
    string | null;
  @ApiProperty({ description: 'Masked', example: '+8210****78' }) mobilePhone!: string;
  @ApiProperty() language!: string;
  @ApiProperty() serviceArea!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'Password checks are locked right now' }) locked!: boolean;
  @ApiProperty({ description: 'Live member sessions' }) activeSessions!: number;
  @ApiProperty({ type: [MemberFlowDto], nullable: true, description: 'Running workflows; null when Temporal is unreachable' }) openFlows!:
    MemberFlowDto[] | null;
}

@ApiTags('members')
@Controller('members')
@ReviewerAuth()
export class MembersController {
  constructor(private readonly lookup: MemberLookupService) {}

  @Get(':id')
  @ApiOperation({ summary: 'Read-only member lookup: current data (no secrets, BRN masked), sessions count, open flows with Temporal UI links' })
  @ApiOkResponse({ type: MemberLookupDto })
  @ApiProblemResponses({ 401: 'UNAUTHENTICATED', 404: 'NOT_FOUND' })
  get(@Param('id') id: string): Promise<MemberLookupView> {
    return this.lookup.lookup(id);
  }
}
