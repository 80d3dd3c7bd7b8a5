import { Body, Controller, Post, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RateLimitGuard } from '#app/web';
import type { FastifyRequest } from 'fastify';
import { SignUpService } from '#app/members';
import { anonymousActor } from '../auth/client-actor.js';
import { SignUpDto, SignUpResponseDto } from './dto/sign-up.dto.js';

@ApiTags('members')
@Controller('members')
export class MembersController {
  constructor(private readonly signUps: SignUpService) {}

  @Post()
  @UseGuards(RateLimitGuard)
  @ApiOperation({ summary: 'Sign up (LOGIN_ID_TAKEN, PASSWORD_POLICY_VIOLATION, INVALID_BUSINESS_REGISTRATION_NUMBER)' })
  @ApiCreatedResponse({ type: SignUpResponseDto })
  signUp(@Body() body: SignUpDto, @Req() req: FastifyRequest): Promise<SignUpResponseDto> {
    return this.signUps.signUp(body, anonymousActor(req));
  }
}
